// Loss functions of a batch (Y and T are N x K, one example per row). Each
// value is the sum over the batch; each gradient is ∇_Y L in matrix form.
//
// Zero probabilities in cross-entropy and negative log-likelihood follow
// IEEE arithmetic and never throw: a term with T_ij > 0 and Y_ij = 0 makes
// the loss +inf and that gradient entry -inf. A term with T_ij = 0
// contributes exactly 0 to the loss and to the gradient (0 log 0 = 0), so a
// one-hot target with zero probabilities outside its class stays finite.
#ifndef NERVA_CORE_LOSS_FUNCTIONS_H
#define NERVA_CORE_LOSS_FUNCTIONS_H

#include "core/activation_functions.h"
#include "core/softmax_functions.h"

namespace nerva
{

enum class LossKind
{
    SquaredError,
    MeanSquaredError,
    CrossEntropy,
    SoftmaxCrossEntropy,
    LogisticCrossEntropy,
    NegativeLogLikelihood
};

// T ⊙ log(Y) with 0 wherever T is 0, whatever Y is there.
template <typename Scalar>
Matrix<Scalar> target_times_log(const Matrix<Scalar>& T, const Matrix<Scalar>& logY)
{
    return (T.array() == Scalar(0)).select(Scalar(0), T.array() * logY.array()).matrix();
}

// L = 1_N^T ((Y - T) ⊙ (Y - T)) 1_K
template <typename Scalar>
Scalar squared_error(const Matrix<Scalar>& Y, const Matrix<Scalar>& T)
{
    require_same_shape(Y, T, "Y", "T");
    const Matrix<Scalar> E = Y - T;
    return elements_sum(hadamard(E, E));
}

// ∇_Y L = 2 (Y - T)
template <typename Scalar>
Matrix<Scalar> squared_error_gradient(const Matrix<Scalar>& Y, const Matrix<Scalar>& T)
{
    require_same_shape(Y, T, "Y", "T");
    return Scalar(2) * (Y - T);
}

// L = L_SE / (K N)
template <typename Scalar>
Scalar mean_squared_error(const Matrix<Scalar>& Y, const Matrix<Scalar>& T)
{
    return squared_error(Y, T) / Scalar(Y.size());
}

// ∇_Y L = 2 (Y - T) / (K N)
template <typename Scalar>
Matrix<Scalar> mean_squared_error_gradient(const Matrix<Scalar>& Y, const Matrix<Scalar>& T)
{
    return squared_error_gradient(Y, T) / Scalar(Y.size());
}

// L = -1_N^T (T ⊙ log(Y)) 1_K
template <typename Scalar>
Scalar cross_entropy(const Matrix<Scalar>& Y, const Matrix<Scalar>& T)
{
    require_same_shape(Y, T, "Y", "T");
    return -elements_sum(target_times_log(T, log(Y)));
}

// ∇_Y L = -T ⊙ (1 / Y), with 0 wherever T is 0
template <typename Scalar>
Matrix<Scalar> cross_entropy_gradient(const Matrix<Scalar>& Y, const Matrix<Scalar>& T)
{
    require_same_shape(Y, T, "Y", "T");
    return (T.array() == Scalar(0)).select(Scalar(0), -T.array() / Y.array()).matrix();
}

// L = -1_N^T (T ⊙ log-softmax(Y)) 1_K, with the stable log-softmax
template <typename Scalar>
Scalar softmax_cross_entropy(const Matrix<Scalar>& Y, const Matrix<Scalar>& T)
{
    require_same_shape(Y, T, "Y", "T");
    return -elements_sum(target_times_log(T, stable_log_softmax(Y)));
}

// ∇_Y L = softmax(Y) ⊙ (T 1_K 1_K^T) - T, with the stable softmax
template <typename Scalar>
Matrix<Scalar> softmax_cross_entropy_gradient(const Matrix<Scalar>& Y, const Matrix<Scalar>& T)
{
    require_same_shape(Y, T, "Y", "T");
    return hadamard(stable_softmax(Y), column_repeat(rows_sum(T), Y.cols())) - T;
}

// L = -1_N^T (T ⊙ log(σ(Y))) 1_K, with the stable log_sigmoid
template <typename Scalar>
Scalar logistic_cross_entropy(const Matrix<Scalar>& Y, const Matrix<Scalar>& T)
{
    require_same_shape(Y, T, "Y", "T");
    return -elements_sum(target_times_log(T, log_sigmoid(Y)));
}

// ∇_Y L = T ⊙ σ(Y) - T
template <typename Scalar>
Matrix<Scalar> logistic_cross_entropy_gradient(const Matrix<Scalar>& Y, const Matrix<Scalar>& T)
{
    require_same_shape(Y, T, "Y", "T");
    const Matrix<Scalar> S = Y.unaryExpr([](Scalar y) { return sigmoid(y); });
    return hadamard(T, S) - T;
}

// L = -1_N^T log((Y ⊙ T) 1_K). A row whose (Y ⊙ T) 1_K is 0 makes L = +inf.
template <typename Scalar>
Scalar negative_log_likelihood(const Matrix<Scalar>& Y, const Matrix<Scalar>& T)
{
    require_same_shape(Y, T, "Y", "T");
    return -elements_sum(log(rows_sum(hadamard(Y, T))));
}

// ∇_Y L = -((1 / ((Y ⊙ T) 1_K)) 1_K^T) ⊙ T, with 0 wherever T is 0
template <typename Scalar>
Matrix<Scalar> negative_log_likelihood_gradient(const Matrix<Scalar>& Y, const Matrix<Scalar>& T)
{
    require_same_shape(Y, T, "Y", "T");
    const Matrix<Scalar> S = column_repeat(reciprocal(rows_sum(hadamard(Y, T))), Y.cols());
    return (T.array() == Scalar(0)).select(Scalar(0), -S.array() * T.array()).matrix();
}

template <typename Scalar>
Scalar loss_value(LossKind kind, const Matrix<Scalar>& Y, const Matrix<Scalar>& T)
{
    switch (kind)
    {
    case LossKind::SquaredError:
        return squared_error(Y, T);
    case LossKind::MeanSquaredError:
        return mean_squared_error(Y, T);
    case LossKind::CrossEntropy:
        return cross_entropy(Y, T);
    case LossKind::SoftmaxCrossEntropy:
        return softmax_cross_entropy(Y, T);
    case LossKind::LogisticCrossEntropy:
        return logistic_cross_entropy(Y, T);
    case LossKind::NegativeLogLikelihood:
        return negative_log_likelihood(Y, T);
    }
    throw_invalid_argument("kind", "unknown loss kind ", static_cast<int>(kind));
}

template <typename Scalar>
Matrix<Scalar> loss_gradient(LossKind kind, const Matrix<Scalar>& Y, const Matrix<Scalar>& T)
{
    switch (kind)
    {
    case LossKind::SquaredError:
        return squared_error_gradient(Y, T);
    case LossKind::MeanSquaredError:
        return mean_squared_error_gradient(Y, T);
    case LossKind::CrossEntropy:
        return cross_entropy_gradient(Y, T);
    case LossKind::SoftmaxCrossEntropy:
        return softmax_cross_entropy_gradient(Y, T);
    case LossKind::LogisticCrossEntropy:
        return logistic_cross_entropy_gradient(Y, T);
    case LossKind::NegativeLogLikelihood:
        return negative_log_likelihood_gradient(Y, T);
    }
    throw_invalid_argument("kind", "unknown loss kind ", static_cast<int>(kind));
}

} // namespace nerva

#endif
