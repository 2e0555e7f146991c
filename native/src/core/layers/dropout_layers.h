// Dropout on connections: the weights W (K x D) are multiplied element-wise
// by a mask R (K x D), so Z = X (W ⊙ R)^T + 1_N b.
//
// R_ij is 0 with the drop probability q and 1 / (1 - q) otherwise, so the
// expected weights are W. Training mode draws a fresh R at every feedforward
// unless the mask is frozen; evaluation mode sets R to ones. The mask is
// drawn from the layer's own std::mt19937_64 seeded with the user's seed,
// taking u = (top 53 bits of one draw) / 2^53 per entry in row-major order
// and dropping the entry when u < q. This avoids the standard distributions,
// whose algorithms differ between standard libraries, so a seed gives the
// same masks on every platform.
#ifndef NERVA_CORE_LAYERS_DROPOUT_LAYERS_H
#define NERVA_CORE_LAYERS_DROPOUT_LAYERS_H

#include <cstdint>
#include <random>

#include "core/activation_functions.h"
#include "core/layers/activation_layer.h"
#include "core/layers/weighted_layer.h"
#include "core/matrix_operations.h"

namespace nerva
{

// The dropout mask R of a layer and the generator that draws it.
template <typename T>
class DropoutMask
{
public:
    Matrix<T> R; // K x D

    DropoutMask(Index K, Index D, double drop_rate, uint64_t seed) : m_drop_rate(drop_rate), m_rng(seed)
    {
        if (!(drop_rate >= 0 && drop_rate < 1))
        {
            throw_invalid_argument("drop_rate", "drop_rate is ", drop_rate,
                                   " but must be in [0, 1); it is the probability that a weight is dropped");
        }
        R = Matrix<T>::Ones(K, D);
    }

    virtual ~DropoutMask() = default;

    double drop_rate() const { return m_drop_rate; }
    bool training() const { return m_training; }

    // While frozen, training feedforwards keep the current R, for example
    // one written by a test, instead of drawing a new one.
    bool mask_frozen() const { return m_mask_frozen; }
    void set_mask_frozen(bool frozen) { m_mask_frozen = frozen; }

protected:
    // Sets R for a feedforward: a fresh draw in training mode, ones in
    // evaluation mode.
    void prepare_mask()
    {
        if (!m_training)
        {
            R.setOnes();
            return;
        }
        if (m_mask_frozen)
        {
            return;
        }
        const T scale = T(1.0 / (1.0 - m_drop_rate));
        for (Index i = 0; i < R.size(); ++i)
        {
            const double u = double(m_rng() >> 11) * 0x1.0p-53;
            R.data()[i] = u < m_drop_rate ? T(0) : scale;
        }
    }

    bool m_training = true;

private:
    double m_drop_rate;
    bool m_mask_frozen = false;
    std::mt19937_64 m_rng;
};

// Linear dropout layer: Y = X (W ⊙ R)^T + 1_N b.
template <typename T>
class LinearDropoutLayer : public WeightedLayer<T>, public DropoutMask<T>
{
public:
    LinearDropoutLayer(Index D, Index K, double drop_rate, uint64_t seed)
        : WeightedLayer<T>(D, K), DropoutMask<T>(K, D, drop_rate, seed)
    {
    }

    void set_training(bool training) override { this->m_training = training; }

    // X: N x D, R: K x D, Y: N x K
    void feedforward(const Matrix<T>& X, Matrix<T>& Y) override
    {
        this->require_input(X);
        this->prepare_mask();

        // Y = X (W ⊙ R)^T + 1_N b
        add_linear(X, hadamard(this->W, this->R), this->b, Y);
    }

    // X: N x D, DY: N x K, R: K x D, DX: N x D
    void backpropagate(const Matrix<T>& X, const Matrix<T>&, const Matrix<T>& DY, Matrix<T>* DX) override
    {
        this->require_input(X);
        this->require_output_gradient(X, DY);

        // DW = (DY^T X) ⊙ R, Db = 1_N^T DY, DX = DY (W ⊙ R)
        this->backpropagate_weights(X, DY, hadamard(this->W, this->R), DX);
        this->DW = hadamard(this->DW, this->R);
    }

    std::vector<Parameter<T>> parameters() override
    {
        auto result = WeightedLayer<T>::parameters();
        result.push_back({"R", &this->R, nullptr});
        return result;
    }
};

// Activation dropout layer: Z = X (W ⊙ R)^T + 1_N b, Y = act(Z). SReLU is
// rejected because its parameters are trained only by SReLULayer.
template <typename T>
class ActivationDropoutLayer : public WeightedLayer<T>, public DropoutMask<T>
{
public:
    Activation activation;
    Matrix<T> Z;  // N x K
    Matrix<T> DZ; // N x K

    ActivationDropoutLayer(Index D, Index K, const Activation& activation_, double drop_rate, uint64_t seed)
        : WeightedLayer<T>(D, K), DropoutMask<T>(K, D, drop_rate, seed), activation(activation_)
    {
        require_fixed_activation(activation);
    }

    void set_training(bool training) override { this->m_training = training; }

    // X: N x D, R: K x D, Z: N x K, Y: N x K
    void feedforward(const Matrix<T>& X, Matrix<T>& Y) override
    {
        this->require_input(X);
        this->prepare_mask();

        // Z = X (W ⊙ R)^T + 1_N b
        add_linear(X, hadamard(this->W, this->R), this->b, Z);

        // Y = act(Z)
        activation_value(activation, Z, Y);
    }

    // X: N x D, DY: N x K, DZ: N x K, R: K x D, DX: N x D
    void backpropagate(const Matrix<T>& X, const Matrix<T>&, const Matrix<T>& DY, Matrix<T>* DX) override
    {
        this->require_input(X);
        this->require_output_gradient(X, DY);
        this->require_feedforward(X, Z);

        // DZ = DY ⊙ act'(Z)
        activation_gradient(activation, Z, DY, DZ);

        // DW = (DZ^T X) ⊙ R, Db = 1_N^T DZ, DX = DZ (W ⊙ R)
        this->backpropagate_weights(X, DZ, hadamard(this->W, this->R), DX);
        this->DW = hadamard(this->DW, this->R);
    }

    std::vector<Parameter<T>> parameters() override
    {
        auto result = WeightedLayer<T>::parameters();
        result.push_back({"R", &this->R, nullptr});
        return result;
    }
};

} // namespace nerva

#endif
