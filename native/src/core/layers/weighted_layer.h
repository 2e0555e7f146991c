// The base of every layer that starts with Z = X W^T + 1_N b: it owns W, b
// and their gradients and computes DW, Db and DX from DZ.
#ifndef NERVA_CORE_LAYERS_WEIGHTED_LAYER_H
#define NERVA_CORE_LAYERS_WEIGHTED_LAYER_H

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
class WeightedLayer : public Layer<T>
{
public:
    Matrix<T> W;  // K x D
    Matrix<T> b;  // 1 x K
    Matrix<T> DW; // K x D
    Matrix<T> Db; // 1 x K

    WeightedLayer(Index D, Index K)
    {
        if (D < 1 || K < 1)
        {
            throw_invalid_argument(D < 1 ? "input_size" : "output_size", "layer sizes must be >= 1, got D = ", D,
                                   " and K = ", K);
        }
        W = Matrix<T>::Zero(K, D);
        b = Matrix<T>::Zero(1, K);
        DW = Matrix<T>::Zero(K, D);
        Db = Matrix<T>::Zero(1, K);
    }

    Index input_size() const override { return W.cols(); }
    Index output_size() const override { return W.rows(); }

    std::vector<Parameter<T>> parameters() override { return {{"W", &W, &DW}, {"b", &b, &Db}}; }

protected:
    // Throws InvalidOperation unless Z (N x K) is left by a feedforward of X.
    void require_feedforward(const Matrix<T>& X, const Matrix<T>& Z) const
    {
        if (Z.rows() != X.rows() || Z.cols() != output_size())
        {
            throw_invalid_operation("backpropagate needs the feedforward of the same X (", shape_of(X),
                                    ") first; the layer holds Z of shape ", shape_of(Z));
        }
    }

    // X: N x D, DZ: N x K, DX: N x D. Wr is the K x D weight matrix that
    // the feedforward used (W itself, or W ⊙ R with dropout).
    void backpropagate_weights(const Matrix<T>& X, const Matrix<T>& DZ, const Matrix<T>& Wr, Matrix<T>* DX)
    {
        // DW = DZ^T X
        gemm(T(1), DZ, Op::Transpose, X, Op::None, T(0), DW);

        // Db = 1_N^T DZ
        Db = DZ.colwise().sum();

        // DX = DZ Wr
        if (DX)
        {
            DX->resize(X.rows(), Wr.cols());
            gemm(T(1), DZ, Op::None, Wr, Op::None, T(0), *DX);
        }
    }
};

} // namespace nerva

#endif
