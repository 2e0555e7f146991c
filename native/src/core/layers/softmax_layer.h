// Softmax and log-softmax layers: Z = X W^T + 1_N b, then Y = softmax(Z) or
// Y = log-softmax(Z), both in the stable form that subtracts the row maximum.
#ifndef NERVA_CORE_LAYERS_SOFTMAX_LAYER_H
#define NERVA_CORE_LAYERS_SOFTMAX_LAYER_H

#include "core/layers/weighted_layer.h"
#include "core/softmax_functions.h"

namespace nerva
{

template <typename T>
class SoftmaxLayer : public WeightedLayer<T>
{
public:
    Matrix<T> Z;  // N x K
    Matrix<T> DZ; // N x K

    SoftmaxLayer(Index D, Index K) : WeightedLayer<T>(D, K) {}

    // X: N x D, Z: N x K, Y: N x K
    void feedforward(const Matrix<T>& X, Matrix<T>& Y) override
    {
        this->require_input(X);

        // Z = X W^T + 1_N b
        add_linear(X, this->W, this->b, Z);

        // Y = softmax(Z)
        Y = stable_softmax(Z);
    }

    // X: N x D, Y: N x K, DY: N x K, DZ: N x K, DX: N x D
    void backpropagate(const Matrix<T>& X, const Matrix<T>& Y, const Matrix<T>& DY, Matrix<T>* DX) override
    {
        this->require_input(X);
        this->require_output_gradient(X, DY);
        this->require_feedforward(X, Z);
        require_shape(Y, X.rows(), this->output_size(), "Y");

        // DZ = Y ⊙ (DY - rows_sum(DY ⊙ Y) 1_K^T), which equals diag(DY Y^T) 1_K^T in O(N K)
        DZ = hadamard(Y, (DY - column_repeat(rows_sum(hadamard(DY, Y)), Y.cols())).eval());

        // DW = DZ^T X, Db = 1_N^T DZ, DX = DZ W
        this->backpropagate_weights(X, DZ, this->W, DX);
    }
};

template <typename T>
class LogSoftmaxLayer : public WeightedLayer<T>
{
public:
    Matrix<T> Z;  // N x K
    Matrix<T> DZ; // N x K

    LogSoftmaxLayer(Index D, Index K) : WeightedLayer<T>(D, K) {}

    // X: N x D, Z: N x K, Y: N x K
    void feedforward(const Matrix<T>& X, Matrix<T>& Y) override
    {
        this->require_input(X);

        // Z = X W^T + 1_N b
        add_linear(X, this->W, this->b, Z);

        // Y = log-softmax(Z)
        Y = stable_log_softmax(Z);
    }

    // X: N x D, DY: N x K, DZ: N x K, DX: N x D
    void backpropagate(const Matrix<T>& X, const Matrix<T>&, const Matrix<T>& DY, Matrix<T>* DX) override
    {
        this->require_input(X);
        this->require_output_gradient(X, DY);
        this->require_feedforward(X, Z);

        // DZ = DY - softmax(Z) ⊙ (rows_sum(DY) 1_K^T)
        DZ = DY - hadamard(stable_softmax(Z), column_repeat(rows_sum(DY), Z.cols()));

        // DW = DZ^T X, Db = 1_N^T DZ, DX = DZ W
        this->backpropagate_weights(X, DZ, this->W, DX);
    }
};

} // namespace nerva

#endif
