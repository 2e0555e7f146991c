// Linear layer: Y = X W^T + 1_N b.
#ifndef NERVA_CORE_LAYERS_LINEAR_LAYER_H
#define NERVA_CORE_LAYERS_LINEAR_LAYER_H

#include "core/layers/weighted_layer.h"

namespace nerva
{

template <typename T>
class LinearLayer : public WeightedLayer<T>
{
public:
    LinearLayer(Index D, Index K) : WeightedLayer<T>(D, K) {}

    // X: N x D, Y: N x K
    void feedforward(const Matrix<T>& X, Matrix<T>& Y) override
    {
        this->require_input(X);

        // Y = X W^T + 1_N b
        add_linear(X, this->W, this->b, Y);
    }

    // X: N x D, DY: N x K, DX: N x D
    void backpropagate(const Matrix<T>& X, const Matrix<T>&, const Matrix<T>& DY, Matrix<T>* DX) override
    {
        this->require_input(X);
        this->require_output_gradient(X, DY);

        // DW = DY^T X, Db = 1_N^T DY, DX = DY W
        this->backpropagate_weights(X, DY, this->W, DX);
    }
};

} // namespace nerva

#endif
