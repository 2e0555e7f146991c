// Exports of nerva/activation.h, nerva/softmax.h, nerva/loss.h and
// nerva/matrix_operations.h: stateless functions of matrices.
#include "abi/conversions.h"
#include "core/matrix_operations.h"
#include "nerva/activation.h"
#include "nerva/loss.h"
#include "nerva/matrix_operations.h"
#include "nerva/softmax.h"

using nerva::Matrix;
using nerva::abi::guard;
using nerva::abi::output_as;
using nerva::abi::require_not_null;
using nerva::abi::visit_matrix;

namespace
{

// Writes unary(X) into out, for the functions of one matrix argument.
template <typename Unary>
void apply_unary(nerva_matrix* out, const nerva_matrix* X, Unary&& unary)
{
    visit_matrix(X, "X", [&](const auto& X_) {
        auto& out_ = output_as(out, X_, "out");
        out_ = unary(X_);
    });
}

} // namespace

extern "C" {

NERVA_API nerva_status nerva_activation_apply(nerva_matrix* out_Y, const nerva_activation* activation,
                                              const nerva_matrix* X)
{
    return guard(__func__, [&] {
        const nerva::Activation act = nerva::abi::to_activation(activation);
        visit_matrix(X, "X", [&](const auto& X_) {
            auto& Y = output_as(out_Y, X_, "out_Y");
            Y = nerva::activation_value(act, X_);
        });
    });
}

NERVA_API nerva_status nerva_activation_derivative(nerva_matrix* out, const nerva_activation* activation,
                                                   const nerva_matrix* X)
{
    return guard(__func__, [&] {
        const nerva::Activation act = nerva::abi::to_activation(activation);
        apply_unary(out, X, [&](const auto& X_) { return nerva::activation_derivative(act, X_); });
    });
}

NERVA_API nerva_status nerva_activation_all_relu_alpha(double* out, double alpha, int64_t layer_index)
{
    return guard(__func__, [&] {
        require_not_null(out, "out");
        if (!std::isfinite(alpha))
        {
            nerva::throw_invalid_argument("alpha", "alpha is ", alpha, " but must be a finite number");
        }
        *out = nerva::all_relu_alpha(alpha, layer_index);
    });
}

NERVA_API nerva_status nerva_softmax_apply(nerva_matrix* out_Y, nerva_softmax_kind kind, const nerva_matrix* X)
{
    return guard(__func__, [&] {
        const nerva::SoftmaxKind softmax_kind = nerva::abi::to_softmax_kind(kind);
        visit_matrix(X, "X", [&](const auto& X_) {
            auto& Y = output_as(out_Y, X_, "out_Y");
            Y = nerva::softmax_function(softmax_kind, X_);
        });
    });
}

NERVA_API nerva_status nerva_softmax_jacobian(nerva_matrix* out_J, nerva_softmax_kind kind, const nerva_matrix* x)
{
    return guard(__func__, [&] {
        const nerva::SoftmaxKind softmax_kind = nerva::abi::to_softmax_kind(kind);
        visit_matrix(x, "x", [&](const auto& x_) {
            auto& J = output_as(out_J, x_, "out_J");
            const bool log_kind =
                softmax_kind == nerva::SoftmaxKind::LogSoftmax || softmax_kind == nerva::SoftmaxKind::StableLogSoftmax;
            J = log_kind ? nerva::log_softmax_jacobian(x_) : nerva::softmax_jacobian(x_);
        });
    });
}

NERVA_API nerva_status nerva_loss_value(double* out, nerva_loss_kind kind, const nerva_matrix* Y, const nerva_matrix* T)
{
    return guard(__func__, [&] {
        require_not_null(out, "out");
        const nerva::LossKind loss_kind = nerva::abi::to_loss_kind(kind);
        visit_matrix(Y, "Y", [&](const auto& Y_) {
            using Scalar = typename std::decay_t<decltype(Y_)>::Scalar;
            const Matrix<Scalar>& T_ = nerva::abi::matrix_as<Scalar>(T, "T");
            *out = static_cast<double>(nerva::loss_value(loss_kind, Y_, T_));
        });
    });
}

NERVA_API nerva_status nerva_loss_gradient(nerva_matrix* out_DY, nerva_loss_kind kind, const nerva_matrix* Y,
                                           const nerva_matrix* T)
{
    return guard(__func__, [&] {
        const nerva::LossKind loss_kind = nerva::abi::to_loss_kind(kind);
        visit_matrix(Y, "Y", [&](const auto& Y_) {
            using Scalar = typename std::decay_t<decltype(Y_)>::Scalar;
            const Matrix<Scalar>& T_ = nerva::abi::matrix_as<Scalar>(T, "T");
            auto& DY = output_as(out_DY, Y_, "out_DY");
            DY = nerva::loss_gradient(loss_kind, Y_, T_);
        });
    });
}

NERVA_API nerva_status nerva_matrix_elements_sum(double* out, const nerva_matrix* X)
{
    return guard(__func__, [&] {
        require_not_null(out, "out");
        visit_matrix(X, "X", [&](const auto& X_) { *out = static_cast<double>(nerva::elements_sum(X_)); });
    });
}

NERVA_API nerva_status nerva_matrix_columns_sum(nerva_matrix* out, const nerva_matrix* X)
{
    return guard(__func__, [&] { apply_unary(out, X, [](const auto& X_) { return nerva::columns_sum(X_); }); });
}

NERVA_API nerva_status nerva_matrix_rows_sum(nerva_matrix* out, const nerva_matrix* X)
{
    return guard(__func__, [&] { apply_unary(out, X, [](const auto& X_) { return nerva::rows_sum(X_); }); });
}

NERVA_API nerva_status nerva_matrix_columns_max(nerva_matrix* out, const nerva_matrix* X)
{
    return guard(__func__, [&] { apply_unary(out, X, [](const auto& X_) { return nerva::columns_max(X_); }); });
}

NERVA_API nerva_status nerva_matrix_rows_max(nerva_matrix* out, const nerva_matrix* X)
{
    return guard(__func__, [&] { apply_unary(out, X, [](const auto& X_) { return nerva::rows_max(X_); }); });
}

NERVA_API nerva_status nerva_matrix_columns_mean(nerva_matrix* out, const nerva_matrix* X)
{
    return guard(__func__, [&] { apply_unary(out, X, [](const auto& X_) { return nerva::columns_mean(X_); }); });
}

NERVA_API nerva_status nerva_matrix_rows_mean(nerva_matrix* out, const nerva_matrix* X)
{
    return guard(__func__, [&] { apply_unary(out, X, [](const auto& X_) { return nerva::rows_mean(X_); }); });
}

NERVA_API nerva_status nerva_matrix_hadamard(nerva_matrix* out, const nerva_matrix* X, const nerva_matrix* Y)
{
    return guard(__func__, [&] {
        visit_matrix(X, "X", [&](const auto& X_) {
            using Scalar = typename std::decay_t<decltype(X_)>::Scalar;
            const Matrix<Scalar>& Y_ = nerva::abi::matrix_as<Scalar>(Y, "Y");
            auto& out_ = output_as(out, X_, "out");
            out_ = nerva::hadamard(X_, Y_);
        });
    });
}

NERVA_API nerva_status nerva_matrix_inv_sqrt(nerva_matrix* out, const nerva_matrix* X, double epsilon)
{
    return guard(__func__, [&] {
        if (!(epsilon > 0) || !std::isfinite(epsilon))
        {
            nerva::throw_invalid_argument("epsilon", "epsilon is ", epsilon, " but must be finite and > 0");
        }
        apply_unary(out, X, [&](const auto& X_) {
            using Scalar = typename std::decay_t<decltype(X_)>::Scalar;
            return nerva::inv_sqrt(X_, static_cast<Scalar>(epsilon));
        });
    });
}

NERVA_API nerva_status nerva_matrix_log_sigmoid(nerva_matrix* out, const nerva_matrix* X)
{
    return guard(__func__, [&] { apply_unary(out, X, [](const auto& X_) { return nerva::log_sigmoid(X_); }); });
}

} // extern "C"
