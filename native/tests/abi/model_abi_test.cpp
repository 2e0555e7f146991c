// Tests of the training C ABI through the shared library: initializers,
// schedulers and models, with their argument checks and handle lifetimes.
#include "abi/abi_test_utilities.h"
#include "nerva/nerva.h"

#include <cmath>
#include <cstring>
#include <gtest/gtest.h>
#include <memory>
#include <random>
#include <string>
#include <vector>

using nerva::abi_testing::expect_last_error;
using nerva::abi_testing::LayerHandle;
using nerva::abi_testing::make_matrix;
using nerva::abi_testing::MatrixHandle;
using nerva::abi_testing::read_matrix;
using nerva::abi_testing::scalar_type;

namespace
{

struct ModelDeleter
{
    void operator()(nerva_model* model) const { nerva_model_destroy(model); }
};

struct SchedulerDeleter
{
    void operator()(nerva_scheduler* scheduler) const { nerva_scheduler_destroy(scheduler); }
};

using ModelHandle = std::unique_ptr<nerva_model, ModelDeleter>;
using SchedulerHandle = std::unique_ptr<nerva_scheduler, SchedulerDeleter>;

int64_t live_objects()
{
    int64_t count = -1;
    EXPECT_EQ(nerva_library_count_objects(&count), NERVA_STATUS_OK);
    return count;
}

template <typename S>
LayerHandle make_linear(int64_t D, int64_t K, int32_t initializer_kind, uint64_t seed)
{
    nerva_layer* layer = nullptr;
    EXPECT_EQ(nerva_layer_create_linear(&layer, scalar_type<S>(), D, K), NERVA_STATUS_OK);
    const nerva_initializer initializer{initializer_kind, 0, 0};
    EXPECT_EQ(nerva_layer_initialize(layer, &initializer, seed), NERVA_STATUS_OK) << nerva_last_error_message();
    return LayerHandle(layer);
}

template <typename S>
std::vector<S> read_parameter(const nerva_layer* layer, const char* name)
{
    int64_t rows = 0, cols = 0;
    EXPECT_EQ(nerva_layer_parameter_shape(&rows, &cols, layer, name), NERVA_STATUS_OK);
    std::vector<S> values(static_cast<size_t>(rows * cols));
    EXPECT_EQ(nerva_layer_parameter_read(values.data(), rows * cols, scalar_type<S>(), layer, name), NERVA_STATUS_OK);
    return values;
}

// A 2-8-3 classifier (two linear layers, softmax cross-entropy, momentum).
// The layer handles are returned so that tests can read the weights.
template <typename S>
ModelHandle make_classifier(std::vector<LayerHandle>& layers)
{
    nerva_model* model = nullptr;
    EXPECT_EQ(nerva_model_create(&model, scalar_type<S>()), NERVA_STATUS_OK);
    layers.push_back(make_linear<S>(2, 8, NERVA_INITIALIZER_XAVIER_NORMALIZED, 1));
    layers.push_back(make_linear<S>(8, 3, NERVA_INITIALIZER_XAVIER_NORMALIZED, 2));
    for (const auto& layer : layers)
    {
        EXPECT_EQ(nerva_model_add_layer(model, layer.get()), NERVA_STATUS_OK) << nerva_last_error_message();
    }
    EXPECT_EQ(nerva_model_set_loss(model, NERVA_LOSS_SOFTMAX_CROSS_ENTROPY), NERVA_STATUS_OK);
    const nerva_optimizer optimizer{NERVA_OPTIMIZER_MOMENTUM, 0.9};
    EXPECT_EQ(nerva_model_set_optimizer(model, &optimizer), NERVA_STATUS_OK);
    return ModelHandle(model);
}

// Returns M points in three Gaussian blobs, where row i has class i mod 3.
// X is M x 2 and T is M x 3 one-hot.
template <typename S>
std::pair<MatrixHandle, MatrixHandle> make_blobs(int64_t M)
{
    std::mt19937 rng(3);
    std::normal_distribution<double> noise(0.0, 0.5);
    const double centers[3][2] = {{2, 0}, {-1, 1.7}, {-1, -1.7}};
    std::vector<S> X(static_cast<size_t>(2 * M));
    std::vector<S> T(static_cast<size_t>(3 * M), S(0));
    for (int64_t i = 0; i < M; ++i)
    {
        const int64_t c = i % 3;
        X[size_t(2 * i)] = static_cast<S>(centers[c][0] + noise(rng));
        X[size_t(2 * i + 1)] = static_cast<S>(centers[c][1] + noise(rng));
        T[size_t(3 * i + c)] = 1;
    }
    return {make_matrix<S>(M, 2, X), make_matrix<S>(M, 3, T)};
}

// Trains epochs over M rows in batches of batch_size, the rows shuffled by a
// fixed generator; returns the summed loss of the last epoch.
double train(nerva_model* model, const nerva_matrix* X, const nerva_matrix* T, int64_t M, int epochs,
             int64_t batch_size, double eta)
{
    std::mt19937 rng(4);
    std::vector<int64_t> rows(static_cast<size_t>(M));
    for (int64_t i = 0; i < M; ++i)
    {
        rows[size_t(i)] = i;
    }
    double epoch_loss = 0;
    for (int epoch = 0; epoch < epochs; ++epoch)
    {
        std::shuffle(rows.begin(), rows.end(), rng);
        epoch_loss = 0;
        for (int64_t start = 0; start < M; start += batch_size)
        {
            const int64_t count = std::min(batch_size, M - start);
            double loss = 0;
            EXPECT_EQ(nerva_model_train_batch_rows(&loss, model, X, T, rows.data() + start, count, eta),
                      NERVA_STATUS_OK)
                << nerva_last_error_message();
            epoch_loss += loss;
        }
    }
    return epoch_loss;
}

template <typename S>
void check_training_reaches_accuracy()
{
    const int64_t before = live_objects();
    {
        std::vector<LayerHandle> layers;
        ModelHandle model = make_classifier<S>(layers);
        // The model shares the layers, so it keeps working after the caller
        // destroys its handles.
        layers.clear();
        auto [X, T] = make_blobs<S>(300);
        double loss_before = 0;
        int64_t correct = 0;
        ASSERT_EQ(nerva_model_evaluate(&loss_before, &correct, model.get(), X.get(), T.get(), 64), NERVA_STATUS_OK);
        train(model.get(), X.get(), T.get(), 300, 20, 32, 0.01);
        double loss_after = 0;
        ASSERT_EQ(nerva_model_evaluate(&loss_after, &correct, model.get(), X.get(), T.get(), 64), NERVA_STATUS_OK);
        EXPECT_LT(loss_after, loss_before / 5);
        EXPECT_GE(correct, 291) << "accuracy " << correct / 3.0 << " %";
    }
    EXPECT_EQ(live_objects(), before) << "a model, layer or matrix was not freed";
}

} // namespace

TEST(ModelAbi, TrainingReachesAccuracyFloat32)
{
    check_training_reaches_accuracy<float>();
}

TEST(ModelAbi, TrainingReachesAccuracyFloat64)
{
    check_training_reaches_accuracy<double>();
}

TEST(ModelAbi, BatchRowsMatchCopiedBatch)
{
    std::vector<LayerHandle> gathered_layers;
    std::vector<LayerHandle> copied_layers;
    ModelHandle gathered = make_classifier<float>(gathered_layers);
    ModelHandle copied = make_classifier<float>(copied_layers);
    auto [X_all, T_all] = make_blobs<float>(30);
    const std::vector<float> X_values = read_matrix<float>(X_all.get());
    const std::vector<float> T_values = read_matrix<float>(T_all.get());

    const std::vector<std::vector<int64_t>> batches = {{5, 29, 0, 5, 12}, {1, 2, 3, 4, 6, 7, 8, 9}, {28}};
    for (const auto& rows : batches)
    {
        std::vector<float> X_rows;
        std::vector<float> T_rows;
        for (const int64_t r : rows)
        {
            X_rows.insert(X_rows.end(), X_values.begin() + 2 * r, X_values.begin() + 2 * r + 2);
            T_rows.insert(T_rows.end(), T_values.begin() + 3 * r, T_values.begin() + 3 * r + 3);
        }
        const auto n = static_cast<int64_t>(rows.size());
        MatrixHandle X = make_matrix<float>(n, 2, X_rows);
        MatrixHandle T = make_matrix<float>(n, 3, T_rows);
        double loss_gathered = 0;
        double loss_copied = 0;
        ASSERT_EQ(
            nerva_model_train_batch_rows(&loss_gathered, gathered.get(), X_all.get(), T_all.get(), rows.data(), n, 0.1),
            NERVA_STATUS_OK);
        ASSERT_EQ(nerva_model_train_batch(&loss_copied, copied.get(), X.get(), T.get(), 0.1), NERVA_STATUS_OK);
        EXPECT_EQ(loss_gathered, loss_copied);
    }
    for (size_t l = 0; l < gathered_layers.size(); ++l)
    {
        for (const char* name : {"W", "b"})
        {
            const auto a = read_parameter<float>(gathered_layers[l].get(), name);
            const auto b = read_parameter<float>(copied_layers[l].get(), name);
            ASSERT_EQ(a.size(), b.size());
            EXPECT_EQ(std::memcmp(a.data(), b.data(), a.size() * sizeof(float)), 0) << name << " of layer " << l;
        }
    }
}

// MKL's reproducibility mode is set when the library is loaded, so two
// identical runs in one process must give the same bits.
TEST(ModelAbi, IdenticalRunsGiveIdenticalBits)
{
    std::vector<std::vector<double>> weights;
    for (int run = 0; run < 2; ++run)
    {
        std::vector<LayerHandle> layers;
        ModelHandle model = make_classifier<double>(layers);
        auto [X, T] = make_blobs<double>(90);
        train(model.get(), X.get(), T.get(), 90, 3, 16, 0.05);
        weights.push_back(read_parameter<double>(layers[0].get(), "W"));
        const auto W2 = read_parameter<double>(layers[1].get(), "W");
        weights.back().insert(weights.back().end(), W2.begin(), W2.end());
    }
    ASSERT_EQ(weights[0].size(), weights[1].size());
    EXPECT_EQ(std::memcmp(weights[0].data(), weights[1].data(), weights[0].size() * sizeof(double)), 0);
}

// 10 examples in batches of 4 (4, 4, 2): every example is counted, and the
// results agree with a feedforward of the whole set.
TEST(ModelAbi, EvaluateCountsEveryExample)
{
    std::vector<LayerHandle> layers;
    ModelHandle model = make_classifier<double>(layers);
    auto [X, T] = make_blobs<double>(10);
    train(model.get(), X.get(), T.get(), 10, 1, 4, 0.05);

    MatrixHandle Y = nerva::abi_testing::make_output<double>();
    ASSERT_EQ(nerva_model_set_training(model.get(), 0), NERVA_STATUS_OK);
    ASSERT_EQ(nerva_model_feedforward(Y.get(), model.get(), X.get()), NERVA_STATUS_OK);
    const auto Y_values = read_matrix<double>(Y.get());
    const auto T_values = read_matrix<double>(T.get());
    int64_t expected_correct = 0;
    for (size_t i = 0; i < 10; ++i)
    {
        const auto y = Y_values.begin() + 3 * i;
        const auto t = T_values.begin() + 3 * i;
        expected_correct += std::max_element(y, y + 3) - y == std::max_element(t, t + 3) - t ? 1 : 0;
    }
    double expected_loss = 0;
    ASSERT_EQ(nerva_loss_value(&expected_loss, NERVA_LOSS_SOFTMAX_CROSS_ENTROPY, Y.get(), T.get()), NERVA_STATUS_OK);

    double loss_sum = -1;
    int64_t correct = -1;
    ASSERT_EQ(nerva_model_evaluate(&loss_sum, &correct, model.get(), X.get(), T.get(), 4), NERVA_STATUS_OK);
    EXPECT_EQ(correct, expected_correct);
    EXPECT_NEAR(loss_sum, expected_loss, 1e-12);
}

TEST(ModelAbi, RejectsLayerOfOtherSizeOrScalarType)
{
    nerva_model* raw = nullptr;
    ASSERT_EQ(nerva_model_create(&raw, NERVA_SCALAR_FLOAT64), NERVA_STATUS_OK);
    ModelHandle model(raw);
    LayerHandle first = make_linear<double>(3, 4, NERVA_INITIALIZER_ZERO, 0);
    LayerHandle wrong_size = make_linear<double>(5, 2, NERVA_INITIALIZER_ZERO, 0);
    LayerHandle wrong_type = make_linear<float>(4, 2, NERVA_INITIALIZER_ZERO, 0);
    ASSERT_EQ(nerva_model_add_layer(model.get(), first.get()), NERVA_STATUS_OK);

    EXPECT_EQ(nerva_model_add_layer(model.get(), wrong_size.get()), NERVA_STATUS_SHAPE_MISMATCH);
    expect_last_error("input size D = 5 but the previous layer has output size K = 4", "layer");
    EXPECT_EQ(nerva_model_add_layer(model.get(), wrong_type.get()), NERVA_STATUS_INVALID_ARGUMENT);
    expect_last_error("layer is float32 but the model is float64", "layer");
    EXPECT_EQ(nerva_model_add_layer(model.get(), first.get()), NERVA_STATUS_INVALID_ARGUMENT);
    expect_last_error("already layer 0", "layer");
    EXPECT_EQ(nerva_model_add_layer(model.get(), nullptr), NERVA_STATUS_INVALID_ARGUMENT);
    expect_last_error("layer is NULL", "layer");

    int64_t count = 0;
    ASSERT_EQ(nerva_model_layer_count(&count, model.get()), NERVA_STATUS_OK);
    EXPECT_EQ(count, 1);
}

TEST(ModelAbi, RejectsBadTrainingArguments)
{
    std::vector<LayerHandle> layers;
    ModelHandle model = make_classifier<double>(layers);
    auto [X, T] = make_blobs<double>(12);
    auto [X32, T32] = make_blobs<float>(12);
    double loss = 0;

    const int64_t out_of_range[] = {0, 12};
    EXPECT_EQ(nerva_model_train_batch_rows(&loss, model.get(), X.get(), T.get(), out_of_range, 2, 0.1),
              NERVA_STATUS_INVALID_ARGUMENT);
    expect_last_error("rows[1] is 12 but the data set has 12 rows", "rows");
    EXPECT_EQ(nerva_model_train_batch_rows(&loss, model.get(), X.get(), T.get(), out_of_range, 0, 0.1),
              NERVA_STATUS_INVALID_ARGUMENT);
    expect_last_error("row_count is 0", "row_count");
    EXPECT_EQ(nerva_model_train_batch(&loss, model.get(), X.get(), T.get(), std::nan("")),
              NERVA_STATUS_INVALID_ARGUMENT);
    expect_last_error("learning_rate is nan", "learning_rate");
    EXPECT_EQ(nerva_model_train_batch(&loss, model.get(), X.get(), T.get(), INFINITY), NERVA_STATUS_INVALID_ARGUMENT);
    expect_last_error("learning_rate is inf", "learning_rate");
    EXPECT_EQ(nerva_model_train_batch(&loss, model.get(), X32.get(), T.get(), 0.1), NERVA_STATUS_INVALID_ARGUMENT);
    expect_last_error("X is float32 but float64 is required", "X");
    EXPECT_EQ(nerva_model_train_batch(&loss, model.get(), X.get(), X.get(), 0.1), NERVA_STATUS_SHAPE_MISMATCH);
    expect_last_error("T has shape 12x2 but 12x3 is required", "T");
    EXPECT_EQ(nerva_model_train_batch(nullptr, model.get(), X.get(), T.get(), 0.1), NERVA_STATUS_INVALID_ARGUMENT);
    expect_last_error("out_loss is NULL", "out_loss");

    double loss_sum = 0;
    int64_t correct = 0;
    EXPECT_EQ(nerva_model_evaluate(&loss_sum, &correct, model.get(), X.get(), T.get(), 0),
              NERVA_STATUS_INVALID_ARGUMENT);
    expect_last_error("batch_size is 0", "batch_size");
}

TEST(ModelAbi, RejectsBadSettings)
{
    std::vector<LayerHandle> layers;
    ModelHandle model = make_classifier<double>(layers);
    const std::pair<double, const char*> momenta[] = {
        {0.0, "momentum is 0 "}, {1.0, "momentum is 1 "}, {-0.1, "momentum is -0.1 "}, {2.5, "momentum is 2.5 "}};
    for (const auto& [momentum, text] : momenta)
    {
        const nerva_optimizer nesterov{NERVA_OPTIMIZER_NESTEROV, momentum};
        EXPECT_EQ(nerva_model_set_optimizer(model.get(), &nesterov), NERVA_STATUS_INVALID_ARGUMENT);
        expect_last_error(text, "momentum");
    }
    const nerva_optimizer unknown{7, 0.5};
    EXPECT_EQ(nerva_model_set_optimizer(model.get(), &unknown), NERVA_STATUS_INVALID_ARGUMENT);
    expect_last_error("optimizer kind 7 is unknown", "kind");
    EXPECT_EQ(nerva_model_set_optimizer(model.get(), nullptr), NERVA_STATUS_INVALID_ARGUMENT);
    EXPECT_EQ(nerva_model_set_loss(model.get(), 0), NERVA_STATUS_INVALID_ARGUMENT);
    expect_last_error("loss_kind is 0", "loss_kind");
    EXPECT_EQ(nerva_model_set_loss(model.get(), 99), NERVA_STATUS_INVALID_ARGUMENT);
    expect_last_error("loss_kind is 99", "loss_kind");
    EXPECT_EQ(nerva_model_set_training(model.get(), 2), NERVA_STATUS_INVALID_ARGUMENT);
    expect_last_error("training is 2", "training");
}

TEST(ModelAbi, EmptyModelRejectsTraining)
{
    nerva_model* raw = nullptr;
    ASSERT_EQ(nerva_model_create(&raw, NERVA_SCALAR_FLOAT32), NERVA_STATUS_OK);
    ModelHandle model(raw);
    auto [X, T] = make_blobs<float>(3);
    double loss = 0;
    EXPECT_EQ(nerva_model_train_batch(&loss, model.get(), X.get(), T.get(), 0.1), NERVA_STATUS_INVALID_OPERATION);
    expect_last_error("the model has no layers", "");
    MatrixHandle Y = nerva::abi_testing::make_output<float>();
    EXPECT_EQ(nerva_model_feedforward(Y.get(), model.get(), X.get()), NERVA_STATUS_INVALID_OPERATION);
}

TEST(ModelAbi, CreateAndDestroyHandleNull)
{
    EXPECT_EQ(nerva_model_create(nullptr, NERVA_SCALAR_FLOAT32), NERVA_STATUS_INVALID_ARGUMENT);
    nerva_model* model = reinterpret_cast<nerva_model*>(0x1);
    // 3 is outside the enumerators but inside the enum's range of values, so
    // the call is free of undefined behaviour under UBSan.
    EXPECT_EQ(nerva_model_create(&model, static_cast<nerva_scalar_type>(3)), NERVA_STATUS_INVALID_ARGUMENT);
    EXPECT_EQ(model, nullptr);
    EXPECT_EQ(nerva_model_destroy(nullptr), NERVA_STATUS_OK);
    EXPECT_EQ(nerva_scheduler_destroy(nullptr), NERVA_STATUS_OK);
}

TEST(InitializerAbi, SameSeedSameWeightsAndZeroBias)
{
    LayerHandle a = make_linear<float>(20, 10, NERVA_INITIALIZER_HE, 5);
    LayerHandle b = make_linear<float>(20, 10, NERVA_INITIALIZER_HE, 5);
    LayerHandle c = make_linear<float>(20, 10, NERVA_INITIALIZER_HE, 6);
    EXPECT_EQ(read_parameter<float>(a.get(), "W"), read_parameter<float>(b.get(), "W"));
    EXPECT_NE(read_parameter<float>(a.get(), "W"), read_parameter<float>(c.get(), "W"));
    EXPECT_EQ(read_parameter<float>(a.get(), "b"), std::vector<float>(10, 0.0f));
}

TEST(InitializerAbi, RejectsInvalidInitializer)
{
    LayerHandle layer = make_linear<double>(2, 2, NERVA_INITIALIZER_ZERO, 0);
    const nerva_initializer unknown{42, 0, 0};
    EXPECT_EQ(nerva_layer_initialize(layer.get(), &unknown, 1), NERVA_STATUS_INVALID_ARGUMENT);
    expect_last_error("initializer kind 42 is unknown", "initializer");
    const nerva_initializer reversed{NERVA_INITIALIZER_UNIFORM, 1, -1};
    EXPECT_EQ(nerva_layer_initialize(layer.get(), &reversed, 1), NERVA_STATUS_INVALID_ARGUMENT);
    expect_last_error("a <= b, got a = 1 and b = -1", "initializer");
    EXPECT_EQ(nerva_layer_initialize(layer.get(), nullptr, 1), NERVA_STATUS_INVALID_ARGUMENT);
    EXPECT_EQ(nerva_layer_initialize(nullptr, &reversed, 1), NERVA_STATUS_INVALID_ARGUMENT);
}

TEST(SchedulerAbi, CheckValues)
{
    nerva_scheduler* raw = nullptr;
    ASSERT_EQ(nerva_scheduler_create_step_based(&raw, 1.0, 0.5, 2), NERVA_STATUS_OK);
    SchedulerHandle step(raw);
    const int64_t milestones[] = {1, 3, 5};
    ASSERT_EQ(nerva_scheduler_create_multi_step(&raw, 1.0, milestones, 3, 0.1), NERVA_STATUS_OK);
    SchedulerHandle multi(raw);
    ASSERT_EQ(nerva_scheduler_create_time_based(&raw, 1.0, 0.5), NERVA_STATUS_OK);
    SchedulerHandle time_based(raw);
    ASSERT_EQ(nerva_scheduler_create_exponential(&raw, 1.0, 0.5), NERVA_STATUS_OK);
    SchedulerHandle exponential(raw);
    ASSERT_EQ(nerva_scheduler_create_constant(&raw, 0.3), NERVA_STATUS_OK);
    SchedulerHandle constant(raw);

    const double step_expected[] = {1, 0.5, 0.5, 0.25};
    const double multi_expected[] = {1, 0.1, 0.1, 0.01};
    const double time_expected[] = {1, 1, 1 / 1.5, 1 / 3.0};
    for (int64_t epoch = 0; epoch < 4; ++epoch)
    {
        double eta = 0;
        ASSERT_EQ(nerva_scheduler_learning_rate(&eta, step.get(), epoch), NERVA_STATUS_OK);
        EXPECT_DOUBLE_EQ(eta, step_expected[epoch]) << "step-based, epoch " << epoch;
        ASSERT_EQ(nerva_scheduler_learning_rate(&eta, multi.get(), epoch), NERVA_STATUS_OK);
        EXPECT_DOUBLE_EQ(eta, multi_expected[epoch]) << "multi-step, epoch " << epoch;
        ASSERT_EQ(nerva_scheduler_learning_rate(&eta, time_based.get(), epoch), NERVA_STATUS_OK);
        EXPECT_DOUBLE_EQ(eta, time_expected[epoch]) << "time-based, epoch " << epoch;
        ASSERT_EQ(nerva_scheduler_learning_rate(&eta, exponential.get(), epoch), NERVA_STATUS_OK);
        EXPECT_DOUBLE_EQ(eta, std::exp(-0.5 * double(epoch))) << "exponential, epoch " << epoch;
        ASSERT_EQ(nerva_scheduler_learning_rate(&eta, constant.get(), epoch), NERVA_STATUS_OK);
        EXPECT_EQ(eta, 0.3);
    }
}

TEST(SchedulerAbi, RejectsInvalidArguments)
{
    nerva_scheduler* scheduler = reinterpret_cast<nerva_scheduler*>(0x1);
    const int64_t unsorted[] = {3, 2};
    EXPECT_EQ(nerva_scheduler_create_multi_step(&scheduler, 1.0, unsorted, 2, 0.1), NERVA_STATUS_INVALID_ARGUMENT);
    EXPECT_EQ(scheduler, nullptr);
    expect_last_error("milestones must be strictly increasing, but milestones[1] = 2 follows 3", "milestones");
    EXPECT_EQ(nerva_scheduler_create_multi_step(&scheduler, 1.0, nullptr, 2, 0.1), NERVA_STATUS_INVALID_ARGUMENT);
    expect_last_error("milestones is NULL", "milestones");
    EXPECT_EQ(nerva_scheduler_create_multi_step(&scheduler, 1.0, nullptr, -1, 0.1), NERVA_STATUS_INVALID_ARGUMENT);
    expect_last_error("milestone_count is -1", "milestone_count");
    ASSERT_EQ(nerva_scheduler_create_multi_step(&scheduler, 1.0, nullptr, 0, 0.1), NERVA_STATUS_OK);
    SchedulerHandle no_milestones(scheduler);
    EXPECT_EQ(nerva_scheduler_create_step_based(&scheduler, 1.0, 0.5, 0), NERVA_STATUS_INVALID_ARGUMENT);
    expect_last_error("drop_period is 0", "drop_period");
    EXPECT_EQ(nerva_scheduler_create_constant(&scheduler, std::nan("")), NERVA_STATUS_INVALID_ARGUMENT);
    expect_last_error("learning_rate is nan", "learning_rate");
    double eta = 0;
    EXPECT_EQ(nerva_scheduler_learning_rate(&eta, no_milestones.get(), -1), NERVA_STATUS_INVALID_ARGUMENT);
    expect_last_error("epoch is -1", "epoch");
}
