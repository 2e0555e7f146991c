// Batch normalization layer (D = K): each column of X is normalized to mean
// 0 and variance 1, then scaled by gamma and shifted by beta.
//
// Training mode uses the statistics of the batch, which needs N >= 2.
// Evaluation mode uses running estimates of the mean and the variance,
// updated at each training feedforward as in PyTorch:
//   running = (1 - momentum) running + momentum batch_statistic,
// where the variance statistic is the unbiased N / (N - 1) Σ while the
// normalization itself uses the biased Σ.
#ifndef NERVA_CORE_LAYERS_BATCH_NORMALIZATION_LAYER_H
#define NERVA_CORE_LAYERS_BATCH_NORMALIZATION_LAYER_H

#include "core/layers/layer.h"
#include "core/matrix_operations.h"

namespace nerva
{

// Defaults as in PyTorch's BatchNorm1d.
constexpr double default_batch_normalization_epsilon = 1e-5;
constexpr double default_batch_normalization_momentum = 0.1;

template <typename T>
class BatchNormalizationLayer : public Layer<T>
{
public:
    Matrix<T> gamma;            // 1 x K, starts as ones
    Matrix<T> beta;             // 1 x K, starts as zeros
    Matrix<T> Dgamma;           // 1 x K
    Matrix<T> Dbeta;            // 1 x K
    Matrix<T> running_mean;     // 1 x K, starts as zeros
    Matrix<T> running_variance; // 1 x K, starts as ones
    Matrix<T> Z;                // N x K, the normalized input
    Matrix<T> DZ;               // N x K
    Matrix<T> inv_sqrt_Sigma;   // 1 x K, 1 / sqrt(Σ + epsilon) of the last feedforward

    BatchNormalizationLayer(Index K, double epsilon = default_batch_normalization_epsilon,
                            double momentum = default_batch_normalization_momentum)
        : m_epsilon(epsilon), m_momentum(momentum)
    {
        if (K < 1)
        {
            throw_invalid_argument("size", "size must be >= 1, got ", K);
        }
        if (!(epsilon > 0) || !std::isfinite(epsilon))
        {
            throw_invalid_argument("epsilon", "epsilon is ", epsilon, " but must be finite and > 0 (for example 1e-5)");
        }
        if (!(momentum >= 0 && momentum <= 1))
        {
            throw_invalid_argument("momentum", "momentum is ", momentum, " but must be in [0, 1] (for example 0.1)");
        }
        gamma = Matrix<T>::Ones(1, K);
        beta = Matrix<T>::Zero(1, K);
        Dgamma = Matrix<T>::Zero(1, K);
        Dbeta = Matrix<T>::Zero(1, K);
        running_mean = Matrix<T>::Zero(1, K);
        running_variance = Matrix<T>::Ones(1, K);
    }

    Index input_size() const override { return gamma.cols(); }
    Index output_size() const override { return gamma.cols(); }

    double epsilon() const { return m_epsilon; }
    double momentum() const { return m_momentum; }
    bool training() const { return m_training; }
    void set_training(bool training) override { m_training = training; }

    // X: N x K, R: N x K, Σ: 1 x K, Z: N x K, Y: N x K
    void feedforward(const Matrix<T>& X, Matrix<T>& Y) override
    {
        this->require_input(X);
        const Index N = X.rows();
        const T epsilon = T(m_epsilon);

        if (m_training)
        {
            if (N < 2)
            {
                throw_invalid_argument("X", "batch normalization in training mode needs N >= 2 examples, got N = ", N,
                                       "; use larger batches or evaluation mode");
            }

            // R = X - (1_N 1_N^T / N) X
            const Matrix<T> mean = columns_mean(X);
            const Matrix<T> R = X - row_repeat(mean, N);

            // Σ = (1/N) diag(R^T R)^T
            const Matrix<T> Sigma = columns_mean(hadamard(R, R));

            // Z = (1_N Σ^(-1/2)) ⊙ R
            inv_sqrt_Sigma = inv_sqrt(Sigma, epsilon);
            Z = hadamard(row_repeat(inv_sqrt_Sigma, N), R);

            const T m = T(m_momentum);
            running_mean = (T(1) - m) * running_mean + m * mean;
            running_variance = (T(1) - m) * running_variance + m * (T(N) / T(N - 1)) * Sigma;
        }
        else
        {
            // Z = (1_N running_variance^(-1/2)) ⊙ (X - 1_N running_mean)
            inv_sqrt_Sigma = inv_sqrt(running_variance, epsilon);
            Z = hadamard(row_repeat(inv_sqrt_Sigma, N), (X - row_repeat(running_mean, N)).eval());
        }
        m_fed_in_training = m_training;

        // Y = (1_N gamma) ⊙ Z + 1_N beta
        Y = hadamard(row_repeat(gamma, N), Z) + row_repeat(beta, N);
    }

    // X: N x K, DY: N x K, DZ: N x K, DX: N x K
    void backpropagate(const Matrix<T>& X, const Matrix<T>&, const Matrix<T>& DY, Matrix<T>* DX) override
    {
        this->require_input(X);
        this->require_output_gradient(X, DY);
        const Index N = X.rows();
        if (Z.rows() != N || Z.cols() != X.cols())
        {
            throw_invalid_operation("backpropagate needs the feedforward of the same X (", shape_of(X),
                                    ") first; the layer holds Z of shape ", shape_of(Z));
        }

        // DZ = (1_N gamma) ⊙ DY
        DZ = hadamard(row_repeat(gamma, N), DY);

        // Dbeta = 1_N^T DY
        Dbeta = columns_sum(DY);

        // Dgamma = 1_N^T (Z ⊙ DY)
        Dgamma = columns_sum(hadamard(Z, DY));

        if (!DX)
        {
            return;
        }
        if (m_fed_in_training)
        {
            // DX = (1/N) (1_N Σ^(-1/2)) ⊙ (N DZ - 1_N columns_sum(DZ) - Z ⊙ (1_N columns_sum(Z ⊙ DZ)))
            const Matrix<T> inner =
                T(N) * DZ - row_repeat(columns_sum(DZ), N) - hadamard(Z, row_repeat(columns_sum(hadamard(Z, DZ)), N));
            *DX = hadamard(row_repeat(inv_sqrt_Sigma, N), inner) / T(N);
        }
        else
        {
            // DX = (1_N running_variance^(-1/2)) ⊙ DZ
            *DX = hadamard(row_repeat(inv_sqrt_Sigma, N), DZ);
        }
    }

    std::vector<Parameter<T>> parameters() override
    {
        return {{"gamma", &gamma, &Dgamma},
                {"beta", &beta, &Dbeta},
                {"running_mean", &running_mean, nullptr},
                {"running_variance", &running_variance, nullptr}};
    }

private:
    double m_epsilon;
    double m_momentum;
    bool m_training = true;
    bool m_fed_in_training = true;
};

} // namespace nerva

#endif
