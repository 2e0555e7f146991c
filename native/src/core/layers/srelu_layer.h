// SReLU layer: Z = X W^T + 1_N b, Y = srelu(Z), with the SReLU parameters
// a_l, t_l, a_r, t_r trained like W and b (each a 1 x 1 matrix).
#ifndef NERVA_CORE_LAYERS_SRELU_LAYER_H
#define NERVA_CORE_LAYERS_SRELU_LAYER_H

#include "core/activation_functions.h"
#include "core/layers/weighted_layer.h"

namespace nerva
{

template <typename T>
class SReLULayer : public WeightedLayer<T>
{
public:
    Matrix<T> al; // 1 x 1
    Matrix<T> tl; // 1 x 1
    Matrix<T> ar; // 1 x 1
    Matrix<T> tr; // 1 x 1
    Matrix<T> Dal;
    Matrix<T> Dtl;
    Matrix<T> Dar;
    Matrix<T> Dtr;
    Matrix<T> Z;  // N x K
    Matrix<T> DZ; // N x K

    // Starts the parameters at initial.al, tl, ar, tr. initial.kind must be SReLU.
    SReLULayer(Index D, Index K, const Activation& initial) : WeightedLayer<T>(D, K)
    {
        validate(initial);
        if (initial.kind != ActivationKind::SReLU)
        {
            throw_invalid_argument("activation.kind", "an SReLU layer needs kind SReLU, got ",
                                   activation_name(initial.kind));
        }
        al = Matrix<T>::Constant(1, 1, T(initial.al));
        tl = Matrix<T>::Constant(1, 1, T(initial.tl));
        ar = Matrix<T>::Constant(1, 1, T(initial.ar));
        tr = Matrix<T>::Constant(1, 1, T(initial.tr));
        Dal = Dtl = Dar = Dtr = Matrix<T>::Zero(1, 1);
    }

    // The activation with the current parameter values.
    Activation activation() const
    {
        Activation result;
        result.kind = ActivationKind::SReLU;
        result.al = double(al(0, 0));
        result.tl = double(tl(0, 0));
        result.ar = double(ar(0, 0));
        result.tr = double(tr(0, 0));
        return result;
    }

    // X: N x D, Z: N x K, Y: N x K
    void feedforward(const Matrix<T>& X, Matrix<T>& Y) override
    {
        this->require_input(X);

        // Z = X W^T + 1_N b
        add_linear(X, this->W, this->b, Z);

        // Y = srelu(Z)
        activation_value(activation(), Z, Y);
    }

    // X: N x D, DY: N x K, DZ: N x K, DX: N x D
    void backpropagate(const Matrix<T>& X, const Matrix<T>&, const Matrix<T>& DY, Matrix<T>* DX) override
    {
        this->require_input(X);
        this->require_output_gradient(X, DY);
        this->require_feedforward(X, Z);

        // DZ = DY ⊙ srelu'(Z)
        activation_gradient(activation(), Z, DY, DZ);

        // DW = DZ^T X, Db = 1_N^T DZ, DX = DZ W
        this->backpropagate_weights(X, DZ, this->W, DX);

        // Da_l = 1_N^T (DY ⊙ A^l) 1_K, and likewise for a_r, t_l, t_r
        const auto P = srelu_parameter_derivatives(al(0, 0), tl(0, 0), ar(0, 0), tr(0, 0), Z);
        Dal(0, 0) = DY.cwiseProduct(P.Al).sum();
        Dar(0, 0) = DY.cwiseProduct(P.Ar).sum();
        Dtl(0, 0) = DY.cwiseProduct(P.Tl).sum();
        Dtr(0, 0) = DY.cwiseProduct(P.Tr).sum();
    }

    std::vector<Parameter<T>> parameters() override
    {
        auto result = WeightedLayer<T>::parameters();
        result.push_back({"al", &al, &Dal});
        result.push_back({"tl", &tl, &Dtl});
        result.push_back({"ar", &ar, &Dar});
        result.push_back({"tr", &tr, &Dtr});
        return result;
    }
};

} // namespace nerva

#endif
