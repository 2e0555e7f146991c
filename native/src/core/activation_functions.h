// Activation functions and their derivatives, as scalar functions and in
// matrix form.
//
// Conventions at the kinks: relu'(0) = leaky-relu'(0) = all-relu'(0) = 1.
// When the cases of SReLU overlap (t_l >= t_r), the first case wins in the
// function, its derivative and the matrices A^l, A^r, T^l, T^r.
#ifndef NERVA_CORE_ACTIVATION_FUNCTIONS_H
#define NERVA_CORE_ACTIVATION_FUNCTIONS_H

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <utility>

#include "core/matrix.h"

namespace nerva
{

enum class ActivationKind
{
    ReLU,
    LeakyReLU,
    AllReLU,
    SReLU,
    HyperbolicTangent,
    Sigmoid
};

inline const char* activation_name(ActivationKind kind)
{
    switch (kind)
    {
    case ActivationKind::ReLU:
        return "ReLU";
    case ActivationKind::LeakyReLU:
        return "LeakyReLU";
    case ActivationKind::AllReLU:
        return "AllReLU";
    case ActivationKind::SReLU:
        return "SReLU";
    case ActivationKind::HyperbolicTangent:
        return "HyperbolicTangent";
    case ActivationKind::Sigmoid:
        return "Sigmoid";
    }
    return "unknown";
}

// An activation function with its parameters. LeakyReLU and AllReLU read
// alpha, and SReLU reads al, tl, ar, tr. The SReLU defaults equal ReLU below
// t_r = 1 and the constant 1 from there on.
struct Activation
{
    ActivationKind kind = ActivationKind::ReLU;
    double alpha = 0;
    double al = 0;
    double tl = 0;
    double ar = 0;
    double tr = 1;
};

// Throws InvalidArgument when a parameter that the kind uses is not finite.
inline void validate(const Activation& activation)
{
    auto require_finite = [](double value, const char* name) {
        if (!std::isfinite(value))
        {
            throw_invalid_argument(name, name, " is ", value, " but must be a finite number");
        }
    };
    if (activation.kind == ActivationKind::LeakyReLU || activation.kind == ActivationKind::AllReLU)
    {
        require_finite(activation.alpha, "activation.alpha");
    }
    if (activation.kind == ActivationKind::SReLU)
    {
        require_finite(activation.al, "activation.al");
        require_finite(activation.tl, "activation.tl");
        require_finite(activation.ar, "activation.ar");
        require_finite(activation.tr, "activation.tr");
    }
}

// The alpha of the All-ReLU layer at position layer_index (1-based) in a
// network: layers 2, 3, 4, ... get -alpha, alpha, -alpha, ..., which is
// (-1)^(layer_index - 1) alpha. The same formula gives layer 1 +alpha.
inline double all_relu_alpha(double alpha, int64_t layer_index)
{
    if (layer_index < 1)
    {
        throw_invalid_argument("layer_index", "layer_index is ", layer_index, " but layers are numbered from 1");
    }
    return layer_index % 2 == 0 ? -alpha : alpha;
}

template <typename T>
T relu(T x)
{
    return std::max(T(0), x);
}

template <typename T>
T relu_derivative(T x)
{
    return x < T(0) ? T(0) : T(1);
}

// max(alpha x, x)
template <typename T>
T leaky_relu(T alpha, T x)
{
    return std::max(alpha * x, x);
}

template <typename T>
T leaky_relu_derivative(T alpha, T x)
{
    return x < alpha * x ? alpha : T(1);
}

template <typename T>
T all_relu(T alpha, T x)
{
    return x < T(0) ? alpha * x : x;
}

template <typename T>
T all_relu_derivative(T alpha, T x)
{
    return x < T(0) ? alpha : T(1);
}

template <typename T>
T srelu(T al, T tl, T ar, T tr, T x)
{
    if (x <= tl)
    {
        return tl + al * (x - tl);
    }
    if (x < tr)
    {
        return x;
    }
    return tr + ar * (x - tr);
}

template <typename T>
T srelu_derivative(T al, T tl, T ar, T tr, T x)
{
    if (x <= tl)
    {
        return al;
    }
    if (x < tr)
    {
        return T(1);
    }
    return ar;
}

// 1 / (1 + e^(-x)), evaluated so that no exponential overflows.
template <typename T>
T sigmoid(T x)
{
    if (x >= T(0))
    {
        return T(1) / (T(1) + std::exp(-x));
    }
    const T e = std::exp(x);
    return e / (T(1) + e);
}

template <typename T>
T sigmoid_derivative(T x)
{
    const T s = sigmoid(x);
    return s * (T(1) - s);
}

template <typename T>
T tanh_derivative(T x)
{
    const T t = std::tanh(x);
    return T(1) - t * t;
}

// Calls visit(f) with the element-wise activation function f(z) (a
// lambda over T) and returns its result.
template <typename T, typename Visitor>
decltype(auto) visit_activation_function(const Activation& activation, Visitor&& visit)
{
    const T alpha = T(activation.alpha);
    const T al = T(activation.al);
    const T tl = T(activation.tl);
    const T ar = T(activation.ar);
    const T tr = T(activation.tr);
    switch (activation.kind)
    {
    case ActivationKind::ReLU:
        return visit([](T z) { return relu(z); });
    case ActivationKind::LeakyReLU:
        return visit([=](T z) { return leaky_relu(alpha, z); });
    case ActivationKind::AllReLU:
        return visit([=](T z) { return all_relu(alpha, z); });
    case ActivationKind::SReLU:
        return visit([=](T z) { return srelu(al, tl, ar, tr, z); });
    case ActivationKind::HyperbolicTangent:
        return visit([](T z) { return std::tanh(z); });
    case ActivationKind::Sigmoid:
        return visit([](T z) { return sigmoid(z); });
    }
    throw_invalid_argument("activation.kind", "unknown activation kind ", static_cast<int>(activation.kind));
}

// Calls visit(f) with the element-wise derivative f(z) = act'(z) and
// returns its result.
template <typename T, typename Visitor>
decltype(auto) visit_activation_derivative(const Activation& activation, Visitor&& visit)
{
    const T alpha = T(activation.alpha);
    const T al = T(activation.al);
    const T tl = T(activation.tl);
    const T ar = T(activation.ar);
    const T tr = T(activation.tr);
    switch (activation.kind)
    {
    case ActivationKind::ReLU:
        return visit([](T z) { return relu_derivative(z); });
    case ActivationKind::LeakyReLU:
        return visit([=](T z) { return leaky_relu_derivative(alpha, z); });
    case ActivationKind::AllReLU:
        return visit([=](T z) { return all_relu_derivative(alpha, z); });
    case ActivationKind::SReLU:
        return visit([=](T z) { return srelu_derivative(al, tl, ar, tr, z); });
    case ActivationKind::HyperbolicTangent:
        return visit([](T z) { return tanh_derivative(z); });
    case ActivationKind::Sigmoid:
        return visit([](T z) { return sigmoid_derivative(z); });
    }
    throw_invalid_argument("activation.kind", "unknown activation kind ", static_cast<int>(activation.kind));
}

// Y = act(Z), element-wise. Y is resized to the shape of Z; when it already
// has that shape, no memory is allocated.
template <typename T>
void activation_value(const Activation& activation, const Matrix<T>& Z, Matrix<T>& Y)
{
    visit_activation_function<T>(activation, [&](auto f) { Y = Z.unaryExpr(f); });
}

// act(Z), element-wise.
template <typename T>
Matrix<T> activation_value(const Activation& activation, const Matrix<T>& Z)
{
    Matrix<T> Y;
    activation_value(activation, Z, Y);
    return Y;
}

// act'(Z), element-wise.
template <typename T>
Matrix<T> activation_derivative(const Activation& activation, const Matrix<T>& Z)
{
    Matrix<T> D;
    visit_activation_derivative<T>(activation, [&](auto f) { D = Z.unaryExpr(f); });
    return D;
}

// DZ = DY ⊙ act'(Z) in one pass, without the temporary act'(Z). DZ is
// resized to the shape of Z; when it already has that shape, no memory is
// allocated. Each element is DY_ij * act'(Z_ij), as in the two-step form.
template <typename T>
void activation_gradient(const Activation& activation, const Matrix<T>& Z, const Matrix<T>& DY, Matrix<T>& DZ)
{
    require_shape(DY, Z.rows(), Z.cols(), "DY");
    visit_activation_derivative<T>(activation,
                                   [&](auto f) { DZ = DY.binaryExpr(Z, [f](T dy, T z) { return dy * f(z); }); });
}

// The partial derivatives of srelu(Z) with respect to its four parameters,
// element-wise: A^l (by a_l), A^r (by a_r), T^l (by t_l) and T^r (by t_r).
template <typename T>
struct SReLUParameterDerivatives
{
    Matrix<T> Al;
    Matrix<T> Ar;
    Matrix<T> Tl;
    Matrix<T> Tr;
};

template <typename T>
SReLUParameterDerivatives<T> srelu_parameter_derivatives(T al, T tl, T ar, T tr, const Matrix<T>& Z)
{
    // A^l_ij = Z_ij - t_l if Z_ij <= t_l, else 0
    Matrix<T> Al = Z.unaryExpr([=](T z) { return z <= tl ? z - tl : T(0); });

    // A^r_ij = 0 if Z_ij <= t_l or Z_ij < t_r, else Z_ij - t_r
    Matrix<T> Ar = Z.unaryExpr([=](T z) { return z <= tl || z < tr ? T(0) : z - tr; });

    // T^l_ij = 1 - a_l if Z_ij <= t_l, else 0
    Matrix<T> Tl = Z.unaryExpr([=](T z) { return z <= tl ? T(1) - al : T(0); });

    // T^r_ij = 1 - a_r if Z_ij >= t_r and the first case (Z_ij <= t_l) does not apply, else 0
    Matrix<T> Tr = Z.unaryExpr([=](T z) { return z > tl && z >= tr ? T(1) - ar : T(0); });

    return {std::move(Al), std::move(Ar), std::move(Tl), std::move(Tr)};
}

} // namespace nerva

#endif
