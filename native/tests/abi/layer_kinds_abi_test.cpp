// Tests of the layer creation functions and training mode of the C ABI.
#include <cmath>
#include <limits>

#include "abi/abi_test_utilities.h"

using namespace nerva::abi_testing;

namespace
{

std::vector<std::string> parameter_names(const nerva_layer* layer)
{
    int32_t count = 0;
    EXPECT_EQ(nerva_layer_parameter_count(&count, layer), NERVA_STATUS_OK);
    std::vector<std::string> names;
    for (int32_t i = 0; i < count; ++i)
    {
        const char* name = nullptr;
        EXPECT_EQ(nerva_layer_parameter_name(&name, layer, i), NERVA_STATUS_OK);
        names.emplace_back(name);
    }
    return names;
}

template <typename T>
void write_parameter(nerva_layer* layer, const char* name, const std::vector<T>& values)
{
    ASSERT_EQ(
        nerva_layer_parameter_write(layer, name, values.data(), static_cast<int64_t>(values.size()), scalar_type<T>()),
        NERVA_STATUS_OK)
        << nerva_last_error_message();
}

template <typename T>
std::vector<T> read_parameter(const nerva_layer* layer, const char* name, int64_t count)
{
    std::vector<T> values(static_cast<size_t>(count));
    EXPECT_EQ(nerva_layer_parameter_read(values.data(), count, scalar_type<T>(), layer, name), NERVA_STATUS_OK)
        << nerva_last_error_message();
    return values;
}

template <typename T>
class LayerKindsAbi : public ::testing::Test
{
};

using ScalarTypes = ::testing::Types<float, double>;
TYPED_TEST_SUITE(LayerKindsAbi, ScalarTypes);

constexpr double nan_value = std::numeric_limits<double>::quiet_NaN();

} // namespace

TYPED_TEST(LayerKindsAbi, LayersHaveNamedParameters)
{
    using T = TypeParam;
    const nerva_scalar_type type = scalar_type<T>();
    nerva_layer* layer = nullptr;

    const nerva_activation relu = make_activation(NERVA_ACTIVATION_RELU);
    ASSERT_EQ(nerva_layer_create_activation(&layer, type, 3, 2, &relu), NERVA_STATUS_OK);
    EXPECT_EQ(parameter_names(layer), (std::vector<std::string>{"W", "DW", "b", "Db"}));
    nerva_layer_destroy(layer);

    const nerva_activation srelu = make_activation(NERVA_ACTIVATION_SRELU);
    ASSERT_EQ(nerva_layer_create_activation(&layer, type, 3, 2, &srelu), NERVA_STATUS_OK);
    EXPECT_EQ(parameter_names(layer),
              (std::vector<std::string>{"W", "DW", "b", "Db", "al", "Dal", "tl", "Dtl", "ar", "Dar", "tr", "Dtr"}));
    EXPECT_EQ(read_parameter<T>(layer, "tr", 1), std::vector<T>{T(1)});
    nerva_layer_destroy(layer);

    ASSERT_EQ(nerva_layer_create_softmax(&layer, type, 3, 2), NERVA_STATUS_OK);
    EXPECT_EQ(parameter_names(layer), (std::vector<std::string>{"W", "DW", "b", "Db"}));
    nerva_layer_destroy(layer);

    ASSERT_EQ(nerva_layer_create_log_softmax(&layer, type, 3, 2), NERVA_STATUS_OK);
    nerva_layer_destroy(layer);

    ASSERT_EQ(nerva_layer_create_batch_normalization(&layer, type, 4, NERVA_BATCH_NORMALIZATION_DEFAULT_EPSILON,
                                                     NERVA_BATCH_NORMALIZATION_DEFAULT_MOMENTUM),
              NERVA_STATUS_OK);
    EXPECT_EQ(parameter_names(layer),
              (std::vector<std::string>{"gamma", "Dgamma", "beta", "Dbeta", "running_mean", "running_variance"}));
    int64_t D = 0, K = 0;
    ASSERT_EQ(nerva_layer_sizes(&D, &K, layer), NERVA_STATUS_OK);
    EXPECT_EQ(D, 4);
    EXPECT_EQ(K, 4);
    nerva_layer_destroy(layer);

    ASSERT_EQ(nerva_layer_create_linear_dropout(&layer, type, 3, 2, 0.5, 1), NERVA_STATUS_OK);
    EXPECT_EQ(parameter_names(layer), (std::vector<std::string>{"W", "DW", "b", "Db", "R"}));
    int64_t rows = 0, cols = 0;
    ASSERT_EQ(nerva_layer_parameter_shape(&rows, &cols, layer, "R"), NERVA_STATUS_OK);
    EXPECT_EQ(rows, 2);
    EXPECT_EQ(cols, 3);
    nerva_layer_destroy(layer);

    ASSERT_EQ(nerva_layer_create_activation_dropout(&layer, type, 3, 2, &relu, 0.5, 1), NERVA_STATUS_OK);
    EXPECT_EQ(parameter_names(layer), (std::vector<std::string>{"W", "DW", "b", "Db", "R"}));
    nerva_layer_destroy(layer);
}

TEST(LayerKindsAbi, CreateRejectsInvalidArguments)
{
    nerva_layer* layer = reinterpret_cast<nerva_layer*>(0x1);
    const nerva_activation relu = make_activation(NERVA_ACTIVATION_RELU);

    EXPECT_EQ(nerva_layer_create_activation(&layer, NERVA_SCALAR_FLOAT32, 0, 2, &relu), NERVA_STATUS_INVALID_ARGUMENT);
    EXPECT_EQ(layer, nullptr);
    expect_last_error("input_size must be >= 1, got 0", "input_size");
    EXPECT_EQ(nerva_layer_create_activation(&layer, NERVA_SCALAR_FLOAT32, 2, 2, nullptr),
              NERVA_STATUS_INVALID_ARGUMENT);
    expect_last_error("activation is NULL", "activation");
    const nerva_activation all_relu = make_activation(NERVA_ACTIVATION_ALL_RELU, -INFINITY);
    EXPECT_EQ(nerva_layer_create_activation(&layer, NERVA_SCALAR_FLOAT32, 2, 2, &all_relu),
              NERVA_STATUS_INVALID_ARGUMENT);
    expect_last_error("activation.alpha is -inf", "activation.alpha");
    EXPECT_EQ(nerva_layer_create_activation(&layer, static_cast<nerva_scalar_type>(7), 2, 2, &relu),
              NERVA_STATUS_INVALID_ARGUMENT);
    expect_last_error("type is 7", "type");
    EXPECT_EQ(nerva_layer_create_activation(nullptr, NERVA_SCALAR_FLOAT32, 2, 2, &relu), NERVA_STATUS_INVALID_ARGUMENT);
    expect_last_error("out is NULL", "out");

    EXPECT_EQ(nerva_layer_create_softmax(&layer, NERVA_SCALAR_FLOAT64, 2, -1), NERVA_STATUS_INVALID_ARGUMENT);
    expect_last_error("output_size must be >= 1, got -1", "output_size");
    EXPECT_EQ(nerva_layer_create_log_softmax(&layer, NERVA_SCALAR_FLOAT64, 0, 2), NERVA_STATUS_INVALID_ARGUMENT);
    expect_last_error("input_size must be >= 1", "input_size");

    EXPECT_EQ(nerva_layer_create_batch_normalization(&layer, NERVA_SCALAR_FLOAT64, 3, 0.0, 0.1),
              NERVA_STATUS_INVALID_ARGUMENT);
    expect_last_error("epsilon is 0", "epsilon");
    EXPECT_EQ(nerva_layer_create_batch_normalization(&layer, NERVA_SCALAR_FLOAT64, 3, -1e-5, 0.1),
              NERVA_STATUS_INVALID_ARGUMENT);
    expect_last_error("epsilon is -1e-05", "epsilon");
    EXPECT_EQ(nerva_layer_create_batch_normalization(&layer, NERVA_SCALAR_FLOAT64, 3, 1e-5, 1.5),
              NERVA_STATUS_INVALID_ARGUMENT);
    expect_last_error("momentum is 1.5", "momentum");
    EXPECT_EQ(nerva_layer_create_batch_normalization(&layer, NERVA_SCALAR_FLOAT64, 0, 1e-5, 0.1),
              NERVA_STATUS_INVALID_ARGUMENT);
    expect_last_error("size must be >= 1, got 0", "size");

    EXPECT_EQ(nerva_layer_create_linear_dropout(&layer, NERVA_SCALAR_FLOAT32, 2, 2, 1.0, 0),
              NERVA_STATUS_INVALID_ARGUMENT);
    expect_last_error("drop_rate is 1", "drop_rate");
    EXPECT_EQ(nerva_layer_create_linear_dropout(&layer, NERVA_SCALAR_FLOAT32, 2, 2, -0.25, 0),
              NERVA_STATUS_INVALID_ARGUMENT);
    expect_last_error("drop_rate is -0.25", "drop_rate");
    EXPECT_EQ(nerva_layer_create_activation_dropout(&layer, NERVA_SCALAR_FLOAT32, 2, 2, &relu, nan_value, 0),
              NERVA_STATUS_INVALID_ARGUMENT);
    expect_last_error("drop_rate is nan", "drop_rate");
    const nerva_activation srelu = make_activation(NERVA_ACTIVATION_SRELU);
    EXPECT_EQ(nerva_layer_create_activation_dropout(&layer, NERVA_SCALAR_FLOAT32, 2, 2, &srelu, 0.5, 0),
              NERVA_STATUS_INVALID_ARGUMENT);
    expect_last_error("SReLU", "activation.kind");
    EXPECT_EQ(layer, nullptr);
}

TYPED_TEST(LayerKindsAbi, BatchNormalizationModes)
{
    using T = TypeParam;
    nerva_layer* created = nullptr;
    ASSERT_EQ(nerva_layer_create_batch_normalization(&created, scalar_type<T>(), 2, 1e-5, 1.0), NERVA_STATUS_OK);
    LayerHandle layer(created);
    const auto one = make_matrix<T>(1, 2, {T(1), T(2)});
    auto Y = make_output<T>();

    EXPECT_EQ(nerva_layer_feedforward(Y.get(), layer.get(), one.get()), NERVA_STATUS_INVALID_ARGUMENT);
    expect_last_error("N = 1", "X");

    const auto X = make_matrix<T>(2, 2, {T(1), T(10), T(3), T(30)});
    ASSERT_EQ(nerva_layer_feedforward(Y.get(), layer.get(), X.get()), NERVA_STATUS_OK);
    EXPECT_EQ(read_parameter<T>(layer.get(), "running_mean", 2), (std::vector<T>{T(2), T(20)}));
    EXPECT_EQ(read_parameter<T>(layer.get(), "running_variance", 2), (std::vector<T>{T(2), T(200)}));

    ASSERT_EQ(nerva_layer_set_training(layer.get(), 0), NERVA_STATUS_OK);
    ASSERT_EQ(nerva_layer_feedforward(Y.get(), layer.get(), one.get()), NERVA_STATUS_OK);
    const auto y = read_matrix<T>(Y.get());
    EXPECT_NEAR(y[0], (1 - 2) / std::sqrt(2 + 1e-5), 1e-6);
    EXPECT_NEAR(y[1], (2 - 20) / std::sqrt(200 + 1e-5), 1e-6);

    EXPECT_EQ(nerva_layer_set_training(layer.get(), 2), NERVA_STATUS_INVALID_ARGUMENT);
    expect_last_error("training is 2", "training");
    EXPECT_EQ(nerva_layer_set_training(nullptr, 1), NERVA_STATUS_INVALID_ARGUMENT);
    expect_last_error("layer is NULL", "layer");
}

// With a written and frozen mask, Y = X (W ⊙ R)^T + 1_N b can be checked by hand.
TYPED_TEST(LayerKindsAbi, DropoutUsesWrittenMaskAndOnesInEvaluation)
{
    using T = TypeParam;
    nerva_layer* created = nullptr;
    ASSERT_EQ(nerva_layer_create_linear_dropout(&created, scalar_type<T>(), 2, 2, 0.5, 11), NERVA_STATUS_OK);
    LayerHandle layer(created);
    write_parameter<T>(layer.get(), "W", {T(1), T(2), T(3), T(4)});
    write_parameter<T>(layer.get(), "b", {T(0.5), T(-0.5)});
    write_parameter<T>(layer.get(), "R", {T(2), T(0), T(0), T(2)});
    ASSERT_EQ(nerva_layer_set_mask_frozen(layer.get(), 1), NERVA_STATUS_OK);

    const auto X = make_matrix<T>(1, 2, {T(1), T(1)});
    auto Y = make_output<T>();
    ASSERT_EQ(nerva_layer_feedforward(Y.get(), layer.get(), X.get()), NERVA_STATUS_OK);
    EXPECT_EQ(read_matrix<T>(Y.get()), (std::vector<T>{T(2.5), T(7.5)}));

    const auto DY = make_matrix<T>(1, 2, {T(1), T(1)});
    auto DX = make_output<T>();
    ASSERT_EQ(nerva_layer_backpropagate(DX.get(), layer.get(), X.get(), Y.get(), DY.get()), NERVA_STATUS_OK);
    EXPECT_EQ(read_matrix<T>(DX.get()), (std::vector<T>{T(2), T(8)}));
    EXPECT_EQ(read_parameter<T>(layer.get(), "DW", 4), (std::vector<T>{T(2), T(0), T(0), T(2)}));

    ASSERT_EQ(nerva_layer_set_training(layer.get(), 0), NERVA_STATUS_OK);
    ASSERT_EQ(nerva_layer_feedforward(Y.get(), layer.get(), X.get()), NERVA_STATUS_OK);
    EXPECT_EQ(read_matrix<T>(Y.get()), (std::vector<T>{T(3.5), T(6.5)}));
    EXPECT_EQ(read_parameter<T>(layer.get(), "R", 4), (std::vector<T>(4, T(1))));

    EXPECT_EQ(nerva_layer_set_mask_frozen(layer.get(), -1), NERVA_STATUS_INVALID_ARGUMENT);
    expect_last_error("frozen is -1", "frozen");
}

TEST(LayerKindsAbi, MaskFrozenNeedsDropoutLayer)
{
    nerva_layer* created = nullptr;
    ASSERT_EQ(nerva_layer_create_linear(&created, NERVA_SCALAR_FLOAT32, 2, 2), NERVA_STATUS_OK);
    LayerHandle layer(created);
    EXPECT_EQ(nerva_layer_set_training(layer.get(), 0), NERVA_STATUS_OK);
    EXPECT_EQ(nerva_layer_set_mask_frozen(layer.get(), 1), NERVA_STATUS_INVALID_ARGUMENT);
    expect_last_error("no dropout mask", "layer");
}

// Z = X for W = I and b = 0, so the SReLU gradients are sums over known
// entries: with a_l, t_l, a_r, t_r = 0.1, 0, 0.2, 1 and DY = 1,
// Da_l = -1 - 0.2, Da_r = 2 - 1, Dt_l = 2 (1 - 0.1), Dt_r = 1 - 0.2.
TYPED_TEST(LayerKindsAbi, SReLUParameterGradients)
{
    using T = TypeParam;
    nerva_activation srelu = make_activation(NERVA_ACTIVATION_SRELU);
    srelu.al = 0.1;
    srelu.ar = 0.2;
    nerva_layer* created = nullptr;
    ASSERT_EQ(nerva_layer_create_activation(&created, scalar_type<T>(), 2, 2, &srelu), NERVA_STATUS_OK);
    LayerHandle layer(created);
    write_parameter<T>(layer.get(), "W", {T(1), T(0), T(0), T(1)});

    const auto X = make_matrix<T>(2, 2, {T(-1), T(0.5), T(2), T(-0.2)});
    auto Y = make_output<T>();
    ASSERT_EQ(nerva_layer_feedforward(Y.get(), layer.get(), X.get()), NERVA_STATUS_OK);
    const auto y = read_matrix<T>(Y.get());
    EXPECT_NEAR(y[0], -0.1, 1e-7);
    EXPECT_NEAR(y[2], 1.2, 1e-6);

    const auto DY = make_matrix<T>(2, 2, {T(1), T(1), T(1), T(1)});
    ASSERT_EQ(nerva_layer_backpropagate(nullptr, layer.get(), X.get(), Y.get(), DY.get()), NERVA_STATUS_OK);
    EXPECT_NEAR(read_parameter<T>(layer.get(), "Dal", 1)[0], -1.2, 1e-6);
    EXPECT_NEAR(read_parameter<T>(layer.get(), "Dar", 1)[0], 1.0, 1e-6);
    EXPECT_NEAR(read_parameter<T>(layer.get(), "Dtl", 1)[0], 1.8, 1e-6);
    EXPECT_NEAR(read_parameter<T>(layer.get(), "Dtr", 1)[0], 0.8, 1e-6);
}

TYPED_TEST(LayerKindsAbi, SoftmaxLayerOutputsProbabilities)
{
    using T = TypeParam;
    nerva_layer* created = nullptr;
    ASSERT_EQ(nerva_layer_create_softmax(&created, scalar_type<T>(), 2, 3), NERVA_STATUS_OK);
    LayerHandle layer(created);
    const auto X = make_matrix<T>(2, 2, {T(1), T(2), T(3), T(4)});
    auto Y = make_output<T>();
    ASSERT_EQ(nerva_layer_feedforward(Y.get(), layer.get(), X.get()), NERVA_STATUS_OK);
    for (T y : read_matrix<T>(Y.get()))
    {
        EXPECT_NEAR(y, 1.0 / 3, 1e-7);
    }
    const auto DY = make_matrix<T>(2, 3, {T(1), T(0), T(0), T(0), T(0), T(1)});
    auto DX = make_output<T>();
    ASSERT_EQ(nerva_layer_backpropagate(DX.get(), layer.get(), X.get(), Y.get(), DY.get()), NERVA_STATUS_OK);
    // Row 1 of DZ = Y ⊙ (DY - (DY ⊙ Y) 1) is (1/3)(1 - 1/3, -1/3, -1/3), and Db sums both rows.
    const auto Db = read_parameter<T>(layer.get(), "Db", 3);
    EXPECT_NEAR(Db[0], 2.0 / 9 - 1.0 / 9, 1e-7);
    EXPECT_NEAR(Db[1], -2.0 / 9, 1e-7);
}
