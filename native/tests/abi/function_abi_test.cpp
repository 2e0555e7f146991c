// Tests of the stateless functions of the C ABI: activations, softmax,
// losses and matrix operations, in float32 and float64.
#include <cmath>
#include <limits>

#include "abi/abi_test_utilities.h"

using namespace nerva::abi_testing;

namespace
{

template <typename T>
class FunctionAbi : public ::testing::Test
{
};

using ScalarTypes = ::testing::Types<float, double>;
TYPED_TEST_SUITE(FunctionAbi, ScalarTypes);

constexpr double nan_value = std::numeric_limits<double>::quiet_NaN();
constexpr double inf_value = std::numeric_limits<double>::infinity();

} // namespace

TYPED_TEST(FunctionAbi, ActivationValuesAndDerivatives)
{
    using T = TypeParam;
    const auto X = make_matrix<T>(1, 3, {T(-2), T(0), T(3)});
    auto out = make_output<T>();

    struct Case
    {
        nerva_activation activation;
        std::vector<T> value;
        std::vector<T> derivative;
    };
    nerva_activation srelu = make_activation(NERVA_ACTIVATION_SRELU);
    srelu.al = 0.5;
    srelu.tl = -1;
    srelu.ar = 0.25;
    srelu.tr = 1;
    const std::vector<Case> cases{
        {make_activation(NERVA_ACTIVATION_RELU), {0, 0, 3}, {0, 1, 1}},
        {make_activation(NERVA_ACTIVATION_LEAKY_RELU, 0.5), {-1, 0, 3}, {0.5, 1, 1}},
        {make_activation(NERVA_ACTIVATION_ALL_RELU, -0.5), {1, 0, 3}, {-0.5, 1, 1}},
        {srelu, {-1.5, 0, 1.5}, {0.5, 1, 0.25}},
    };
    for (const auto& c : cases)
    {
        ASSERT_EQ(nerva_activation_apply(out.get(), &c.activation, X.get()), NERVA_STATUS_OK)
            << nerva_last_error_message();
        EXPECT_EQ(read_matrix<T>(out.get()), c.value) << "kind " << c.activation.kind;
        ASSERT_EQ(nerva_activation_derivative(out.get(), &c.activation, X.get()), NERVA_STATUS_OK);
        EXPECT_EQ(read_matrix<T>(out.get()), c.derivative) << "kind " << c.activation.kind;
    }

    const nerva_activation sigmoid = make_activation(NERVA_ACTIVATION_SIGMOID);
    ASSERT_EQ(nerva_activation_derivative(out.get(), &sigmoid, X.get()), NERVA_STATUS_OK);
    EXPECT_EQ(read_matrix<T>(out.get())[1], T(0.25));
    const nerva_activation tanh = make_activation(NERVA_ACTIVATION_HYPERBOLIC_TANGENT);
    ASSERT_EQ(nerva_activation_apply(out.get(), &tanh, X.get()), NERVA_STATUS_OK);
    EXPECT_NEAR(read_matrix<T>(out.get())[2], std::tanh(3.0), 1e-6);
}

TYPED_TEST(FunctionAbi, ActivationRejectsInvalidArguments)
{
    using T = TypeParam;
    const auto X = make_matrix<T>(1, 2, {T(1), T(2)});
    auto out = make_output<T>();

    EXPECT_EQ(nerva_activation_apply(out.get(), nullptr, X.get()), NERVA_STATUS_INVALID_ARGUMENT);
    expect_last_error("activation is NULL", "activation");

    nerva_activation unknown = make_activation(NERVA_ACTIVATION_RELU);
    unknown.kind = 99;
    EXPECT_EQ(nerva_activation_apply(out.get(), &unknown, X.get()), NERVA_STATUS_INVALID_ARGUMENT);
    expect_last_error("activation.kind is 99", "activation.kind");
    unknown.kind = 0;
    EXPECT_EQ(nerva_activation_derivative(out.get(), &unknown, X.get()), NERVA_STATUS_INVALID_ARGUMENT);
    expect_last_error("activation.kind is 0", "activation.kind");

    const nerva_activation leaky = make_activation(NERVA_ACTIVATION_LEAKY_RELU, nan_value);
    EXPECT_EQ(nerva_activation_apply(out.get(), &leaky, X.get()), NERVA_STATUS_INVALID_ARGUMENT);
    expect_last_error("activation.alpha is nan", "activation.alpha");

    nerva_activation srelu = make_activation(NERVA_ACTIVATION_SRELU);
    srelu.tr = inf_value;
    EXPECT_EQ(nerva_activation_apply(out.get(), &srelu, X.get()), NERVA_STATUS_INVALID_ARGUMENT);
    expect_last_error("activation.tr is inf", "activation.tr");

    const nerva_activation relu = make_activation(NERVA_ACTIVATION_RELU);
    EXPECT_EQ(nerva_activation_apply(out.get(), &relu, nullptr), NERVA_STATUS_INVALID_ARGUMENT);
    expect_last_error("X is NULL", "X");
    EXPECT_EQ(nerva_activation_apply(nullptr, &relu, X.get()), NERVA_STATUS_INVALID_ARGUMENT);
    expect_last_error("out_Y is NULL", "out_Y");

    auto wrong_type = make_output<std::conditional_t<sizeof(T) == 4, double, float>>();
    EXPECT_EQ(nerva_activation_apply(wrong_type.get(), &relu, X.get()), NERVA_STATUS_INVALID_ARGUMENT);
    expect_last_error("out_Y is", "out_Y");
}

TEST(FunctionAbi, AllReLUAlphaAlternates)
{
    double alpha = 0;
    ASSERT_EQ(nerva_activation_all_relu_alpha(&alpha, 0.25, 2), NERVA_STATUS_OK);
    EXPECT_EQ(alpha, -0.25);
    ASSERT_EQ(nerva_activation_all_relu_alpha(&alpha, 0.25, 3), NERVA_STATUS_OK);
    EXPECT_EQ(alpha, 0.25);
    EXPECT_EQ(nerva_activation_all_relu_alpha(&alpha, 0.25, 0), NERVA_STATUS_INVALID_ARGUMENT);
    expect_last_error("layer_index is 0", "layer_index");
    EXPECT_EQ(nerva_activation_all_relu_alpha(&alpha, inf_value, 2), NERVA_STATUS_INVALID_ARGUMENT);
    expect_last_error("alpha is inf", "alpha");
    EXPECT_EQ(nerva_activation_all_relu_alpha(nullptr, 0.25, 2), NERVA_STATUS_INVALID_ARGUMENT);
}

TYPED_TEST(FunctionAbi, SoftmaxStableFormsAreFiniteAtLargeInputs)
{
    using T = TypeParam;
    const auto X = make_matrix<T>(1, 3, {T(1000), T(0), T(-1000)});
    auto Y = make_output<T>();
    ASSERT_EQ(nerva_softmax_apply(Y.get(), NERVA_SOFTMAX_STABLE, X.get()), NERVA_STATUS_OK);
    const auto softmax = read_matrix<T>(Y.get());
    EXPECT_EQ(softmax[0], T(1));
    EXPECT_LT(softmax[2], T(1e-30));
    ASSERT_EQ(nerva_softmax_apply(Y.get(), NERVA_SOFTMAX_LOG_STABLE, X.get()), NERVA_STATUS_OK);
    EXPECT_EQ(read_matrix<T>(Y.get()), (std::vector<T>{T(0), T(-1000), T(-2000)}));
    ASSERT_EQ(nerva_softmax_apply(Y.get(), NERVA_SOFTMAX_PLAIN, X.get()), NERVA_STATUS_OK);
    EXPECT_TRUE(std::isnan(read_matrix<T>(Y.get())[0])) << "the plain form overflows at 1000";
}

TYPED_TEST(FunctionAbi, SoftmaxJacobians)
{
    using T = TypeParam;
    const auto x = make_matrix<T>(1, 2, {T(0), T(0)});
    auto J = make_output<T>();
    ASSERT_EQ(nerva_softmax_jacobian(J.get(), NERVA_SOFTMAX_STABLE, x.get()), NERVA_STATUS_OK);
    EXPECT_EQ(shape_of(J.get()), (std::vector<int64_t>{2, 2}));
    EXPECT_EQ(read_matrix<T>(J.get()), (std::vector<T>{T(0.25), T(-0.25), T(-0.25), T(0.25)}));
    ASSERT_EQ(nerva_softmax_jacobian(J.get(), NERVA_SOFTMAX_LOG, x.get()), NERVA_STATUS_OK);
    EXPECT_EQ(read_matrix<T>(J.get()), (std::vector<T>{T(0.5), T(-0.5), T(-0.5), T(0.5)}));

    const auto batch = make_matrix<T>(2, 2, {T(0), T(1), T(2), T(3)});
    EXPECT_EQ(nerva_softmax_jacobian(J.get(), NERVA_SOFTMAX_STABLE, batch.get()), NERVA_STATUS_SHAPE_MISMATCH);
    expect_last_error("x has shape 2x2", "x");
    EXPECT_EQ(nerva_softmax_jacobian(J.get(), static_cast<nerva_softmax_kind>(7), x.get()),
              NERVA_STATUS_INVALID_ARGUMENT);
    expect_last_error("kind is 7", "kind");
    EXPECT_EQ(nerva_softmax_apply(J.get(), static_cast<nerva_softmax_kind>(0), x.get()), NERVA_STATUS_INVALID_ARGUMENT);
    expect_last_error("kind is 0", "kind");
}

TYPED_TEST(FunctionAbi, LossValuesAndGradients)
{
    using T = TypeParam;
    const auto Y = make_matrix<T>(1, 3, {T(1000), T(-1000), T(0)});
    const auto targets = make_matrix<T>(1, 3, {T(0), T(0), T(1)});
    double value = 0;
    ASSERT_EQ(nerva_loss_value(&value, NERVA_LOSS_SOFTMAX_CROSS_ENTROPY, Y.get(), targets.get()), NERVA_STATUS_OK);
    EXPECT_EQ(value, 1000.0);
    auto DY = make_output<T>();
    ASSERT_EQ(nerva_loss_gradient(DY.get(), NERVA_LOSS_SOFTMAX_CROSS_ENTROPY, Y.get(), targets.get()), NERVA_STATUS_OK);
    const auto gradient = read_matrix<T>(DY.get());
    EXPECT_EQ(gradient[0], T(1));
    EXPECT_EQ(gradient[2], T(-1));

    const auto P = make_matrix<T>(1, 2, {T(0.5), T(2)});
    const auto Q = make_matrix<T>(1, 2, {T(1), T(1)});
    ASSERT_EQ(nerva_loss_value(&value, NERVA_LOSS_SQUARED_ERROR, P.get(), Q.get()), NERVA_STATUS_OK);
    EXPECT_EQ(value, 1.25);
    ASSERT_EQ(nerva_loss_value(&value, NERVA_LOSS_MEAN_SQUARED_ERROR, P.get(), Q.get()), NERVA_STATUS_OK);
    EXPECT_EQ(value, 0.625);
    ASSERT_EQ(nerva_loss_gradient(DY.get(), NERVA_LOSS_SQUARED_ERROR, P.get(), Q.get()), NERVA_STATUS_OK);
    EXPECT_EQ(read_matrix<T>(DY.get()), (std::vector<T>{T(-1), T(2)}));
    ASSERT_EQ(nerva_loss_value(&value, NERVA_LOSS_NEGATIVE_LOG_LIKELIHOOD, P.get(), Q.get()), NERVA_STATUS_OK);
    EXPECT_NEAR(value, -std::log(2.5), 1e-6);
    ASSERT_EQ(nerva_loss_value(&value, NERVA_LOSS_LOGISTIC_CROSS_ENTROPY, Y.get(), Q.get()),
              NERVA_STATUS_SHAPE_MISMATCH);
}

TYPED_TEST(FunctionAbi, LossOfZeroProbabilityIsInfinite)
{
    using T = TypeParam;
    const auto Y = make_matrix<T>(1, 2, {T(0), T(1)});
    const auto targets = make_matrix<T>(1, 2, {T(1), T(0)});
    double value = 0;
    ASSERT_EQ(nerva_loss_value(&value, NERVA_LOSS_CROSS_ENTROPY, Y.get(), targets.get()), NERVA_STATUS_OK);
    EXPECT_EQ(value, inf_value);
    auto DY = make_output<T>();
    ASSERT_EQ(nerva_loss_gradient(DY.get(), NERVA_LOSS_CROSS_ENTROPY, Y.get(), targets.get()), NERVA_STATUS_OK);
    EXPECT_EQ(read_matrix<T>(DY.get()), (std::vector<T>{-std::numeric_limits<T>::infinity(), T(0)}));
    ASSERT_EQ(nerva_loss_value(&value, NERVA_LOSS_NEGATIVE_LOG_LIKELIHOOD, Y.get(), targets.get()), NERVA_STATUS_OK);
    EXPECT_EQ(value, inf_value);
}

TYPED_TEST(FunctionAbi, LossRejectsInvalidArguments)
{
    using T = TypeParam;
    const auto Y = make_matrix<T>(2, 2, {T(1), T(2), T(3), T(4)});
    const auto wide = make_matrix<T>(1, 4, {T(1), T(2), T(3), T(4)});
    double value = 0;
    EXPECT_EQ(nerva_loss_value(&value, NERVA_LOSS_SQUARED_ERROR, Y.get(), wide.get()), NERVA_STATUS_SHAPE_MISMATCH);
    expect_last_error("T has shape 1x4 but Y has shape 2x2", "T");
    EXPECT_EQ(nerva_loss_value(&value, static_cast<nerva_loss_kind>(42), Y.get(), Y.get()),
              NERVA_STATUS_INVALID_ARGUMENT);
    expect_last_error("kind is 42", "kind");
    EXPECT_EQ(nerva_loss_value(nullptr, NERVA_LOSS_SQUARED_ERROR, Y.get(), Y.get()), NERVA_STATUS_INVALID_ARGUMENT);
    expect_last_error("out is NULL", "out");
    EXPECT_EQ(nerva_loss_gradient(nullptr, NERVA_LOSS_SQUARED_ERROR, Y.get(), Y.get()), NERVA_STATUS_INVALID_ARGUMENT);
    expect_last_error("out_DY is NULL", "out_DY");
    EXPECT_EQ(nerva_loss_value(&value, NERVA_LOSS_SQUARED_ERROR, Y.get(), nullptr), NERVA_STATUS_INVALID_ARGUMENT);
    expect_last_error("T is NULL", "T");

    using Other = std::conditional_t<sizeof(T) == 4, double, float>;
    const auto other = make_matrix<Other>(2, 2, {Other(1), Other(2), Other(3), Other(4)});
    EXPECT_EQ(nerva_loss_value(&value, NERVA_LOSS_SQUARED_ERROR, Y.get(), other.get()), NERVA_STATUS_INVALID_ARGUMENT);
    expect_last_error("T is", "T");
}

TYPED_TEST(FunctionAbi, MatrixOperations)
{
    using T = TypeParam;
    const auto X = make_matrix<T>(2, 3, {T(1), T(-2), T(3), T(-4), T(5), T(6)});
    auto out = make_output<T>();

    ASSERT_EQ(nerva_matrix_columns_sum(out.get(), X.get()), NERVA_STATUS_OK);
    EXPECT_EQ(shape_of(out.get()), (std::vector<int64_t>{1, 3}));
    EXPECT_EQ(read_matrix<T>(out.get()), (std::vector<T>{T(-3), T(3), T(9)}));
    ASSERT_EQ(nerva_matrix_rows_sum(out.get(), X.get()), NERVA_STATUS_OK);
    EXPECT_EQ(shape_of(out.get()), (std::vector<int64_t>{2, 1}));
    EXPECT_EQ(read_matrix<T>(out.get()), (std::vector<T>{T(2), T(7)}));
    ASSERT_EQ(nerva_matrix_rows_max(out.get(), X.get()), NERVA_STATUS_OK);
    EXPECT_EQ(read_matrix<T>(out.get()), (std::vector<T>{T(3), T(6)}));
    ASSERT_EQ(nerva_matrix_columns_max(out.get(), X.get()), NERVA_STATUS_OK);
    EXPECT_EQ(read_matrix<T>(out.get()), (std::vector<T>{T(1), T(5), T(6)}));
    ASSERT_EQ(nerva_matrix_columns_mean(out.get(), X.get()), NERVA_STATUS_OK);
    EXPECT_EQ(read_matrix<T>(out.get()), (std::vector<T>{T(-1.5), T(1.5), T(4.5)}));
    ASSERT_EQ(nerva_matrix_rows_mean(out.get(), X.get()), NERVA_STATUS_OK);
    EXPECT_NEAR(read_matrix<T>(out.get())[1], 7.0 / 3, 1e-6);
    double sum = 0;
    ASSERT_EQ(nerva_matrix_elements_sum(&sum, X.get()), NERVA_STATUS_OK);
    EXPECT_EQ(sum, 9.0);

    ASSERT_EQ(nerva_matrix_hadamard(out.get(), X.get(), X.get()), NERVA_STATUS_OK);
    EXPECT_EQ(read_matrix<T>(out.get()), (std::vector<T>{T(1), T(4), T(9), T(16), T(25), T(36)}));

    const auto V = make_matrix<T>(1, 2, {T(0), T(3)});
    ASSERT_EQ(nerva_matrix_inv_sqrt(out.get(), V.get(), 1.0), NERVA_STATUS_OK);
    EXPECT_EQ(read_matrix<T>(out.get()), (std::vector<T>{T(1), T(0.5)}));
    ASSERT_EQ(nerva_matrix_log_sigmoid(out.get(), V.get()), NERVA_STATUS_OK);
    EXPECT_NEAR(read_matrix<T>(out.get())[0], -std::log(2.0), 1e-6);
}

TYPED_TEST(FunctionAbi, MatrixOperationsRejectInvalidArguments)
{
    using T = TypeParam;
    const auto X = make_matrix<T>(2, 3, {T(1), T(2), T(3), T(4), T(5), T(6)});
    const auto Y = make_matrix<T>(3, 2, {T(1), T(2), T(3), T(4), T(5), T(6)});
    auto out = make_output<T>();
    EXPECT_EQ(nerva_matrix_hadamard(out.get(), X.get(), Y.get()), NERVA_STATUS_SHAPE_MISMATCH);
    expect_last_error("Y has shape 3x2 but X has shape 2x3", "Y");
    EXPECT_EQ(nerva_matrix_inv_sqrt(out.get(), X.get(), 0.0), NERVA_STATUS_INVALID_ARGUMENT);
    expect_last_error("epsilon is 0", "epsilon");
    EXPECT_EQ(nerva_matrix_inv_sqrt(out.get(), X.get(), -1e-5), NERVA_STATUS_INVALID_ARGUMENT);
    expect_last_error("epsilon is -1e-05", "epsilon");
    EXPECT_EQ(nerva_matrix_inv_sqrt(out.get(), X.get(), nan_value), NERVA_STATUS_INVALID_ARGUMENT);
    expect_last_error("epsilon is nan", "epsilon");
    EXPECT_EQ(nerva_matrix_columns_sum(nullptr, X.get()), NERVA_STATUS_INVALID_ARGUMENT);
    expect_last_error("out is NULL", "out");
    EXPECT_EQ(nerva_matrix_rows_sum(out.get(), nullptr), NERVA_STATUS_INVALID_ARGUMENT);
    expect_last_error("X is NULL", "X");
    EXPECT_EQ(nerva_matrix_elements_sum(nullptr, X.get()), NERVA_STATUS_INVALID_ARGUMENT);
}
