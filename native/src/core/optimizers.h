// Optimizers: update every trainable parameter θ of a model from its
// gradient Dθ with learning rate η, in the form that Keras uses.
//
//   gradient descent: θ' = θ - η Dθ
//   momentum:         Δ' = μ Δ - η Dθ,  θ' = θ + Δ'
//   Nesterov:         Δ' = μ Δ - η Dθ,  θ' = θ + μ Δ' - η Dθ
//
// Δ has the shape of θ and starts at zero. Each update is one pass over
// the elements of θ, Dθ and Δ, with no temporary matrix. The OpenMP threads
// update large parameters, each thread its own range of elements. The
// elements are independent, so the result does not depend on the thread
// count.
#ifndef NERVA_CORE_OPTIMIZERS_H
#define NERVA_CORE_OPTIMIZERS_H

#include "core/layers/layer.h"

#include <cmath>
#include <cstdint>
#include <utility>
#include <vector>

namespace nerva
{

// The values match nerva_optimizer_kind.
enum class OptimizerKind : int32_t
{
    GradientDescent = 1,
    Momentum = 2,
    Nesterov = 3
};

// An optimizer kind with its momentum μ, which gradient descent ignores.
struct OptimizerSettings
{
    OptimizerKind kind = OptimizerKind::GradientDescent;
    double momentum = 0;
};

// Throws InvalidArgument for an unknown kind, or for a momentum outside
// (0, 1) with the momentum and Nesterov optimizers.
inline void validate_optimizer(const OptimizerSettings& settings)
{
    switch (settings.kind)
    {
    case OptimizerKind::GradientDescent:
        return;
    case OptimizerKind::Momentum:
    case OptimizerKind::Nesterov:
        if (!(settings.momentum > 0 && settings.momentum < 1))
        {
            throw_invalid_argument("momentum", "momentum is ", settings.momentum,
                                   " but must be in the open interval (0, 1), for example 0.9");
        }
        return;
    }
    throw_invalid_argument("kind", "optimizer kind ", static_cast<int32_t>(settings.kind),
                           " is unknown; valid kinds are 1 (GradientDescent), 2 (Momentum) and 3 (Nesterov)");
}

// Throws InvalidArgument unless the learning rate η is finite and >= 0.
inline void require_learning_rate(double learning_rate)
{
    if (!std::isfinite(learning_rate) || learning_rate < 0)
    {
        throw_invalid_argument("learning_rate", "learning_rate is ", learning_rate,
                               " but must be finite and >= 0, for example 0.01");
    }
}

// Parameters with at least this many elements are updated in parallel.
// Below it the cost of waking the threads exceeds the work (an estimate).
constexpr Index parallel_update_size = Index(1) << 15;

// θ' = θ - η Dθ
template <typename T>
void gradient_descent_step(Matrix<T>& theta, const Matrix<T>& Dtheta, T eta)
{
    T* theta_ = theta.data();
    const T* Dtheta_ = Dtheta.data();
    const Index n = theta.size();
#pragma omp parallel for simd schedule(static) if (n >= parallel_update_size)
    for (Index i = 0; i < n; ++i)
    {
        theta_[i] -= eta * Dtheta_[i];
    }
}

// Δ' = μ Δ - η Dθ, θ' = θ + Δ'
template <typename T>
void momentum_step(Matrix<T>& theta, Matrix<T>& Delta, const Matrix<T>& Dtheta, T mu, T eta)
{
    T* theta_ = theta.data();
    T* Delta_ = Delta.data();
    const T* Dtheta_ = Dtheta.data();
    const Index n = theta.size();
#pragma omp parallel for simd schedule(static) if (n >= parallel_update_size)
    for (Index i = 0; i < n; ++i)
    {
        Delta_[i] = mu * Delta_[i] - eta * Dtheta_[i];
        theta_[i] += Delta_[i];
    }
}

// Δ' = μ Δ - η Dθ, θ' = θ + μ Δ' - η Dθ
template <typename T>
void nesterov_step(Matrix<T>& theta, Matrix<T>& Delta, const Matrix<T>& Dtheta, T mu, T eta)
{
    T* theta_ = theta.data();
    T* Delta_ = Delta.data();
    const T* Dtheta_ = Dtheta.data();
    const Index n = theta.size();
#pragma omp parallel for simd schedule(static) if (n >= parallel_update_size)
    for (Index i = 0; i < n; ++i)
    {
        Delta_[i] = mu * Delta_[i] - eta * Dtheta_[i];
        theta_[i] += mu * Delta_[i] - eta * Dtheta_[i];
    }
}

// An optimizer bound to a fixed list of parameters. It keeps pointers to
// the parameters and their gradients, so the layers that own them must
// outlive it and must not resize them.
template <typename T>
class Optimizer
{
public:
    // Keeps the parameters that have a gradient; the others (for example
    // running statistics) are not trained.
    Optimizer(const OptimizerSettings& settings, const std::vector<Parameter<T>>& parameters) : m_settings(settings)
    {
        validate_optimizer(settings);
        for (const auto& parameter : parameters)
        {
            if (parameter.gradient == nullptr)
            {
                continue;
            }
            Matrix<T> Delta;
            if (settings.kind != OptimizerKind::GradientDescent)
            {
                Delta = Matrix<T>::Zero(parameter.value->rows(), parameter.value->cols());
            }
            m_states.push_back({parameter, std::move(Delta)});
        }
    }

    const OptimizerSettings& settings() const { return m_settings; }

    // Updates every parameter with learning rate η from its current gradient.
    void update(double learning_rate)
    {
        require_learning_rate(learning_rate);
        const T eta = static_cast<T>(learning_rate);
        const T mu = static_cast<T>(m_settings.momentum);
        for (auto& state : m_states)
        {
            Matrix<T>& theta = *state.parameter.value;
            const Matrix<T>& Dtheta = *state.parameter.gradient;
            require_shape(Dtheta, theta.rows(), theta.cols(), state.parameter.name.c_str());
            switch (m_settings.kind)
            {
            case OptimizerKind::GradientDescent:
                gradient_descent_step(theta, Dtheta, eta);
                break;
            case OptimizerKind::Momentum:
                require_shape(state.Delta, theta.rows(), theta.cols(), state.parameter.name.c_str());
                momentum_step(theta, state.Delta, Dtheta, mu, eta);
                break;
            case OptimizerKind::Nesterov:
                require_shape(state.Delta, theta.rows(), theta.cols(), state.parameter.name.c_str());
                nesterov_step(theta, state.Delta, Dtheta, mu, eta);
                break;
            }
        }
    }

private:
    struct State
    {
        Parameter<T> parameter;
        Matrix<T> Delta; // the shape of the parameter; empty for gradient descent
    };

    OptimizerSettings m_settings;
    std::vector<State> m_states;
};

} // namespace nerva

#endif
