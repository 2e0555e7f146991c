// Activation layer: Z = X W^T + 1_N b, Y = act(Z), for every activation
// function except SReLU, whose parameters are trained by SReLULayer.
#ifndef NERVA_CORE_LAYERS_ACTIVATION_LAYER_H
#define NERVA_CORE_LAYERS_ACTIVATION_LAYER_H

#include "core/activation_functions.h"
#include "core/layers/weighted_layer.h"

namespace nerva
{

// Throws InvalidArgument unless activation is valid and has fixed parameters.
inline void require_fixed_activation(const Activation& activation)
{
    validate(activation);
    if (activation.kind == ActivationKind::SReLU)
    {
        throw_invalid_argument("activation.kind", "SReLU has trainable parameters, so it needs an SReLU layer");
    }
}

template <typename T>
class ActivationLayer : public WeightedLayer<T>
{
public:
    Activation activation;
    Matrix<T> Z;  // N x K
    Matrix<T> DZ; // N x K

    ActivationLayer(Index D, Index K, const Activation& activation_) : WeightedLayer<T>(D, K), activation(activation_)
    {
        require_fixed_activation(activation);
    }

    // X: N x D, Z: N x K, Y: N x K
    void feedforward(const Matrix<T>& X, Matrix<T>& Y) override
    {
        this->require_input(X);

        // Z = X W^T + 1_N b
        add_linear(X, this->W, this->b, Z);

        // Y = act(Z)
        activation_value(activation, Z, Y);
    }

    // X: N x D, DY: N x K, DZ: N x K, DX: N x D
    void backpropagate(const Matrix<T>& X, const Matrix<T>&, const Matrix<T>& DY, Matrix<T>* DX) override
    {
        this->require_input(X);
        this->require_output_gradient(X, DY);
        this->require_feedforward(X, Z);

        // DZ = DY ⊙ act'(Z)
        activation_gradient(activation, Z, DY, DZ);

        // DW = DZ^T X, Db = 1_N^T DZ, DX = DZ W
        this->backpropagate_weights(X, DZ, this->W, DX);
    }
};

} // namespace nerva

#endif
