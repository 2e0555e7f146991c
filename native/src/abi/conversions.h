// Conversions from the C ABI's descriptor structs and enums to the core's
// types, and typed dispatch on the scalar type of an input matrix.
#ifndef NERVA_ABI_CONVERSIONS_H
#define NERVA_ABI_CONVERSIONS_H

#include <cstring>
#include <type_traits>
#include <utility>

#include "abi/handles.h"
#include "core/activation_functions.h"
#include "core/loss_functions.h"
#include "core/softmax_functions.h"
#include "nerva/activation.h"
#include "nerva/loss.h"
#include "nerva/softmax.h"

namespace nerva::abi
{

// Returns the core activation described by *activation, or throws
// InvalidArgument naming the field that is unknown or not finite.
inline Activation to_activation(const nerva_activation* activation)
{
    require_not_null(activation, "activation");
    Activation result;
    switch (activation->kind)
    {
    case NERVA_ACTIVATION_RELU:
        result.kind = ActivationKind::ReLU;
        break;
    case NERVA_ACTIVATION_LEAKY_RELU:
        result.kind = ActivationKind::LeakyReLU;
        break;
    case NERVA_ACTIVATION_ALL_RELU:
        result.kind = ActivationKind::AllReLU;
        break;
    case NERVA_ACTIVATION_SRELU:
        result.kind = ActivationKind::SReLU;
        break;
    case NERVA_ACTIVATION_HYPERBOLIC_TANGENT:
        result.kind = ActivationKind::HyperbolicTangent;
        break;
    case NERVA_ACTIVATION_SIGMOID:
        result.kind = ActivationKind::Sigmoid;
        break;
    default:
        throw_invalid_argument("activation.kind", "activation.kind is ", activation->kind,
                               ", which is not an activation kind (NERVA_ACTIVATION_RELU = 1 to "
                               "NERVA_ACTIVATION_SIGMOID = 6)");
    }
    result.alpha = activation->alpha;
    result.al = activation->al;
    result.tl = activation->tl;
    result.ar = activation->ar;
    result.tr = activation->tr;
    validate(result);
    return result;
}

inline SoftmaxKind to_softmax_kind(const nerva_softmax_kind& kind)
{
    const int32_t raw = raw_enum_value(kind);
    switch (raw)
    {
    case NERVA_SOFTMAX_PLAIN:
        return SoftmaxKind::Softmax;
    case NERVA_SOFTMAX_STABLE:
        return SoftmaxKind::StableSoftmax;
    case NERVA_SOFTMAX_LOG:
        return SoftmaxKind::LogSoftmax;
    case NERVA_SOFTMAX_LOG_STABLE:
        return SoftmaxKind::StableLogSoftmax;
    }
    throw_invalid_argument("kind", "kind is ", raw,
                           ", which is not a softmax kind (NERVA_SOFTMAX_PLAIN = 1 to NERVA_SOFTMAX_LOG_STABLE = 4)");
}

inline LossKind to_loss_kind(const nerva_loss_kind& kind)
{
    const int32_t raw = raw_enum_value(kind);
    switch (raw)
    {
    case NERVA_LOSS_SQUARED_ERROR:
        return LossKind::SquaredError;
    case NERVA_LOSS_MEAN_SQUARED_ERROR:
        return LossKind::MeanSquaredError;
    case NERVA_LOSS_CROSS_ENTROPY:
        return LossKind::CrossEntropy;
    case NERVA_LOSS_SOFTMAX_CROSS_ENTROPY:
        return LossKind::SoftmaxCrossEntropy;
    case NERVA_LOSS_LOGISTIC_CROSS_ENTROPY:
        return LossKind::LogisticCrossEntropy;
    case NERVA_LOSS_NEGATIVE_LOG_LIKELIHOOD:
        return LossKind::NegativeLogLikelihood;
    }
    throw_invalid_argument("kind", "kind is ", raw,
                           ", which is not a loss kind (NERVA_LOSS_SQUARED_ERROR = 1 to "
                           "NERVA_LOSS_NEGATIVE_LOG_LIKELIHOOD = 6)");
}

// Calls function with the typed matrix of X (Matrix<float> or Matrix<double>).
template <typename Function>
void visit_matrix(const nerva_matrix* X, const char* name, Function&& function)
{
    require_not_null(X, name);
    std::visit([&](const auto& A) { function(A); }, X->value);
}

// Returns the Matrix<T> of out after checking that it is not null and has
// the scalar type T of the inputs.
template <typename T>
Matrix<T>& output_as(nerva_matrix* out, const Matrix<T>&, const char* name)
{
    return matrix_as<T>(out, name);
}

} // namespace nerva::abi

#endif
