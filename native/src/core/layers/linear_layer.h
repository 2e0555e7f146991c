// Linear layer: Y = X W^T + 1_N b.
#ifndef NERVA_CORE_LAYERS_LINEAR_LAYER_H
#define NERVA_CORE_LAYERS_LINEAR_LAYER_H

#include "core/gemm.h"
#include "core/layers/layer.h"

namespace nerva
{

// Y = X W^T + 1_N b with the row vector b added to every row of Y.
template <typename T>
void add_linear(const Matrix<T>& X, const Matrix<T>& W, const Matrix<T>& b, Matrix<T>& Y)
{
    Y.resize(X.rows(), W.rows());
    Y.rowwise() = b.row(0);
    gemm(T(1), X, Op::None, W, Op::Transpose, T(1), Y);
}

template <typename T>
class LinearLayer : public Layer<T>
{
public:
    Matrix<T> W;  // K x D
    Matrix<T> b;  // 1 x K
    Matrix<T> DW; // K x D
    Matrix<T> Db; // 1 x K

    LinearLayer(Index D, Index K)
        : W(Matrix<T>::Zero(K, D)), b(Matrix<T>::Zero(1, K)), DW(Matrix<T>::Zero(K, D)), Db(Matrix<T>::Zero(1, K))
    {
        if (D < 1 || K < 1)
        {
            throw_invalid_argument(D < 1 ? "input_size" : "output_size", "layer sizes must be >= 1, got D = ", D,
                                   " and K = ", K);
        }
    }

    Index input_size() const override { return W.cols(); }
    Index output_size() const override { return W.rows(); }

    // X: N x D, Y: N x K
    void feedforward(const Matrix<T>& X, Matrix<T>& Y) override
    {
        this->require_input(X);
        add_linear(X, W, b, Y);
    }

    // X: N x D, DY: N x K, DX: N x D
    void backpropagate(const Matrix<T>& X, const Matrix<T>&, const Matrix<T>& DY, Matrix<T>* DX) override
    {
        this->require_input(X);
        this->require_output_gradient(X, DY);

        // DW = DY^T X
        gemm(T(1), DY, Op::Transpose, X, Op::None, T(0), DW);

        // Db = 1_N^T DY
        Db = DY.colwise().sum();

        // DX = DY W
        if (DX)
        {
            DX->resize(X.rows(), W.cols());
            gemm(T(1), DY, Op::None, W, Op::None, T(0), *DX);
        }
    }

    std::vector<Parameter<T>> parameters() override { return {{"W", &W, &DW}, {"b", &b, &Db}}; }
};

} // namespace nerva

#endif
