// Tests of the multilayer perceptron: learning on a synthetic problem,
// gradients against finite differences, gathered batches, evaluation,
// reproducibility and argument checks.
#include "core/initializers.h"
#include "core/layers/activation_layer.h"
#include "core/layers/dropout_layers.h"
#include "core/layers/linear_layer.h"
#include "core/model.h"
#include "core/reproducibility.h"
#include "test_utilities.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <gtest/gtest.h>
#include <memory>
#include <random>
#include <vector>

using nerva::Activation;
using nerva::ActivationKind;
using nerva::ErrorKind;
using nerva::Index;
using nerva::InitializerKind;
using nerva::Layer;
using nerva::LossKind;
using nerva::Matrix;
using nerva::MultilayerPerceptron;
using nerva::OptimizerKind;

namespace
{

// MKL accepts its reproducibility mode only before its first product, so
// it is set while the test program starts.
const bool reproducible_mkl = nerva::enable_reproducible_mkl();

template <typename S>
struct DataSet
{
    Matrix<S> X; // M x 2
    Matrix<S> T; // M x 3, one-hot
};

// M points in three Gaussian blobs (standard deviation 0.5) around
// (2, 0), (-1, 1.7) and (-1, -1.7), the class of row i being i mod 3.
template <typename S>
DataSet<S> make_blobs(Index M, unsigned seed)
{
    std::mt19937 rng(seed);
    std::normal_distribution<double> noise(0.0, 0.5);
    const double centers[3][2] = {{2, 0}, {-1, 1.7}, {-1, -1.7}};
    DataSet<S> data{Matrix<S>(M, 2), Matrix<S>::Zero(M, 3)};
    for (Index i = 0; i < M; ++i)
    {
        const Index c = i % 3;
        data.X(i, 0) = static_cast<S>(centers[c][0] + noise(rng));
        data.X(i, 1) = static_cast<S>(centers[c][1] + noise(rng));
        data.T(i, c) = 1;
    }
    return data;
}

template <typename S>
struct Network
{
    MultilayerPerceptron<S> model;
    std::vector<std::shared_ptr<Layer<S>>> layers;

    void add(std::shared_ptr<Layer<S>> layer, InitializerKind initializer, uint64_t seed)
    {
        nerva::initialize_layer(*layer, {initializer}, seed);
        layers.push_back(layer);
        model.add_layer(layer);
    }
};

// A 2-16-3 classifier: a ReLU layer with dropout on connections, then a
// linear layer with softmax cross-entropy.
template <typename S>
std::unique_ptr<Network<S>> make_classifier(OptimizerKind optimizer, double drop_rate = 0.0)
{
    auto network = std::make_unique<Network<S>>();
    network->add(
        std::make_shared<nerva::ActivationDropoutLayer<S>>(2, 16, Activation{ActivationKind::ReLU}, drop_rate, 11),
        InitializerKind::He, 1);
    network->add(std::make_shared<nerva::LinearLayer<S>>(16, 3), InitializerKind::XavierNormalized, 2);
    network->model.set_loss(LossKind::SoftmaxCrossEntropy);
    network->model.set_optimizer({optimizer, 0.9});
    return network;
}

// Runs epochs over the data set in batches of batch_size shuffled rows.
template <typename S>
void train(MultilayerPerceptron<S>& model, const DataSet<S>& data, int epochs, int64_t batch_size, double eta)
{
    std::mt19937 rng(5);
    std::vector<int64_t> rows(static_cast<size_t>(data.X.rows()));
    for (size_t i = 0; i < rows.size(); ++i)
    {
        rows[i] = static_cast<int64_t>(i);
    }
    for (int epoch = 0; epoch < epochs; ++epoch)
    {
        std::shuffle(rows.begin(), rows.end(), rng);
        for (int64_t start = 0; start < static_cast<int64_t>(rows.size()); start += batch_size)
        {
            const int64_t count = std::min<int64_t>(batch_size, static_cast<int64_t>(rows.size()) - start);
            model.train_batch_rows(data.X, data.T, rows.data() + start, count, eta);
        }
    }
}

// Runs call and checks that it throws nerva::Error of the given kind, naming
// argument (when not empty) and with text in its message.
template <typename Call>
void expect_error(Call&& call, ErrorKind kind, const std::string& argument, const std::string& text)
{
    try
    {
        call();
        ADD_FAILURE() << "no error; expected one containing '" << text << "'";
    }
    catch (const nerva::Error& e)
    {
        EXPECT_EQ(int(e.kind()), int(kind)) << e.what();
        EXPECT_EQ(e.argument(), argument) << e.what();
        EXPECT_NE(std::string(e.what()).find(text), std::string::npos) << e.what();
    }
}

} // namespace

// 300 well separated examples, 30 epochs of batches of 32 (the last batch
// of each epoch has 12 rows): the mean loss must drop below a fifth of its
// start and the accuracy must reach 97 %.
TEST(Model, TrainingLowersLossAndReachesAccuracy)
{
    const auto data = make_blobs<double>(300, 3);
    auto network = make_classifier<double>(OptimizerKind::Momentum);
    const auto before = network->model.evaluate(data.X, data.T, 64);
    train(network->model, data, 30, 32, 0.01);
    const auto after = network->model.evaluate(data.X, data.T, 64);
    EXPECT_LT(after.loss_sum, before.loss_sum / 5)
        << "mean loss " << before.loss_sum / 300 << " -> " << after.loss_sum / 300;
    EXPECT_GE(after.correct, 291) << "accuracy " << after.correct / 3.0 << " %";
}

TEST(Model, TrainingLowersLossFloat32)
{
    const auto data = make_blobs<float>(300, 3);
    auto network = make_classifier<float>(OptimizerKind::Nesterov);
    const auto before = network->model.evaluate(data.X, data.T, 300);
    train(network->model, data, 30, 32, 0.01);
    const auto after = network->model.evaluate(data.X, data.T, 300);
    EXPECT_LT(after.loss_sum, before.loss_sum / 5);
    EXPECT_GE(after.correct, 291);
}

// With η = 0 a training step leaves the weights as they are and the layers
// hold the gradients of the mean loss, which must equal central differences
// of L / N for W and b of both layers.
TEST(Model, GradientsMatchFiniteDifferencesOfMeanLoss)
{
    for (const LossKind loss : {LossKind::SquaredError, LossKind::SoftmaxCrossEntropy, LossKind::LogisticCrossEntropy})
    {
        SCOPED_TRACE("loss kind " + std::to_string(int(loss)));
        std::mt19937 rng(9);
        Network<double> network;
        network.add(
            std::make_shared<nerva::ActivationLayer<double>>(3, 4, Activation{ActivationKind::HyperbolicTangent}),
            InitializerKind::XavierNormalized, 3);
        network.add(std::make_shared<nerva::LinearLayer<double>>(4, 2), InitializerKind::XavierNormalized, 4);
        for (auto& layer : network.layers)
        {
            for (auto& parameter : layer->parameters())
            {
                *parameter.value =
                    nerva::testing::random_matrix<double>(parameter.value->rows(), parameter.value->cols(), rng);
            }
        }
        network.model.set_loss(loss);
        network.model.set_optimizer({OptimizerKind::GradientDescent, 0});

        const Matrix<double> X = nerva::testing::random_matrix<double>(5, 3, rng);
        const Matrix<double> T = nerva::testing::random_matrix<double>(5, 2, rng, 0.0, 1.0);
        network.model.train_batch(X, T, 0.0);

        auto mean_loss = [&] {
            Matrix<double> Y;
            network.model.feedforward(X, Y);
            return nerva::loss_value(loss, Y, T) / 5.0;
        };
        for (size_t l = 0; l < network.layers.size(); ++l)
        {
            for (auto& parameter : network.layers[l]->parameters())
            {
                const Matrix<double> expected = nerva::testing::finite_difference_gradient(*parameter.value, mean_loss);
                EXPECT_LT(nerva::testing::max_relative_difference(*parameter.gradient, expected), 1e-7)
                    << "D" << parameter.name << " of layer " << l;
            }
        }
    }
}

TEST(Model, TrainBatchReturnsLossSum)
{
    Network<double> network;
    network.add(std::make_shared<nerva::LinearLayer<double>>(2, 2), InitializerKind::Zero, 0);
    network.model.set_loss(LossKind::SquaredError);
    network.model.set_optimizer({OptimizerKind::GradientDescent, 0});
    Matrix<double> X(3, 2);
    X << 1, 2, 3, 4, 5, 6;
    Matrix<double> T(3, 2);
    T << 1, 0, 0, 1, 1, 1;
    // Y = 0, so L = sum(T ⊙ T) = 4
    EXPECT_EQ(network.model.train_batch(X, T, 0.1), 4.0);
}

// Gathering rows natively must give exactly (operator== on the matrices) the
// weights and losses of training on a copy of the same rows.
TEST(Model, BatchRowsMatchCopiedBatch)
{
    const auto data = make_blobs<double>(50, 4);
    auto gathered = make_classifier<double>(OptimizerKind::Nesterov, 0.25);
    auto copied = make_classifier<double>(OptimizerKind::Nesterov, 0.25);
    const std::vector<std::vector<int64_t>> batches = {{3, 17, 3, 42, 0, 49, 8}, {1, 2, 3, 4, 5, 6, 7}, {49, 48}};
    for (const auto& rows : batches)
    {
        Matrix<double> X(static_cast<Index>(rows.size()), 2);
        Matrix<double> T(static_cast<Index>(rows.size()), 3);
        for (size_t i = 0; i < rows.size(); ++i)
        {
            X.row(static_cast<Index>(i)) = data.X.row(rows[i]);
            T.row(static_cast<Index>(i)) = data.T.row(rows[i]);
        }
        const double loss_gathered =
            gathered->model.train_batch_rows(data.X, data.T, rows.data(), static_cast<int64_t>(rows.size()), 0.05);
        const double loss_copied = copied->model.train_batch(X, T, 0.05);
        EXPECT_EQ(loss_gathered, loss_copied);
    }
    for (size_t l = 0; l < gathered->layers.size(); ++l)
    {
        auto a = gathered->layers[l]->parameters();
        auto b = copied->layers[l]->parameters();
        for (size_t p = 0; p < a.size(); ++p)
        {
            EXPECT_EQ(*a[p].value, *b[p].value) << a[p].name << " of layer " << l;
        }
    }
}

TEST(Model, RemainderBatchesTrain)
{
    const auto data = make_blobs<double>(10, 6);
    auto network = make_classifier<double>(OptimizerKind::GradientDescent);
    const std::vector<int64_t> rows = {9, 1, 8, 2, 7, 3, 6, 4, 5, 0};
    for (const auto& [start, count] : std::vector<std::pair<size_t, int64_t>>{{0, 4}, {4, 4}, {8, 2}, {0, 1}})
    {
        const double loss = network->model.train_batch_rows(data.X, data.T, rows.data() + start, count, 0.1);
        EXPECT_TRUE(std::isfinite(loss)) << count << " rows";
        EXPECT_GT(loss, 0) << count << " rows";
    }
}

// W = I and b = 0 give Y = X, so an example is correct when the argmax of
// its X row equals that of its T row: rows 0, 1, 2 and 6 here.
TEST(Model, EvaluateCountsEveryExample)
{
    Network<double> network;
    network.add(std::make_shared<nerva::LinearLayer<double>>(3, 3), InitializerKind::Zero, 0);
    auto& linear = static_cast<nerva::LinearLayer<double>&>(*network.layers[0]);
    linear.W = Matrix<double>::Identity(3, 3);
    network.model.set_loss(LossKind::SoftmaxCrossEntropy);

    Matrix<double> X(7, 3);
    X << 3, 1, 0, 0, 2, 1, 1, 0, 5, 1, 2, 0, 0, 0, 4, 2, 0, 1, 0, 9, 1;
    Matrix<double> T = Matrix<double>::Zero(7, 3);
    const int classes[7] = {0, 1, 2, 0, 1, 2, 1};
    for (Index i = 0; i < 7; ++i)
    {
        T(i, classes[i]) = 1;
    }
    const double expected_loss = nerva::softmax_cross_entropy(X, T);

    network.model.set_training(false);
    for (const Index batch_size : {1, 2, 3, 7, 100})
    {
        const auto result = network.model.evaluate(X, T, batch_size);
        EXPECT_EQ(result.correct, 4) << "batch_size " << batch_size;
        EXPECT_NEAR(result.loss_sum, expected_loss, 1e-12) << "batch_size " << batch_size;
    }
    EXPECT_FALSE(network.model.training()) << "evaluate must restore the previous mode";
    network.model.set_training(true);
    network.model.evaluate(X, T, 3);
    EXPECT_TRUE(network.model.training()) << "evaluate must restore the previous mode";
}

// Two runs with the same seeds (weights and dropout masks), the same
// batches and the same thread count must give the same bits.
template <typename S>
void check_identical_runs()
{
    ASSERT_TRUE(reproducible_mkl) << "MKL rejected its reproducibility mode";
    const auto data = make_blobs<S>(90, 8);
    auto first = make_classifier<S>(OptimizerKind::Nesterov, 0.2);
    auto second = make_classifier<S>(OptimizerKind::Nesterov, 0.2);
    train(first->model, data, 3, 16, 0.05);
    train(second->model, data, 3, 16, 0.05);
    for (size_t l = 0; l < first->layers.size(); ++l)
    {
        auto a = first->layers[l]->parameters();
        auto b = second->layers[l]->parameters();
        for (size_t p = 0; p < a.size(); ++p)
        {
            ASSERT_EQ(a[p].value->size(), b[p].value->size());
            EXPECT_EQ(std::memcmp(a[p].value->data(), b[p].value->data(), sizeof(S) * size_t(a[p].value->size())), 0)
                << a[p].name << " of layer " << l;
        }
    }
}

TEST(Model, IdenticalRunsGiveIdenticalBitsFloat64)
{
    check_identical_runs<double>();
}

TEST(Model, IdenticalRunsGiveIdenticalBitsFloat32)
{
    check_identical_runs<float>();
}

TEST(Model, RejectsLayerOfWrongSize)
{
    MultilayerPerceptron<double> model;
    model.add_layer(std::make_shared<nerva::LinearLayer<double>>(3, 4));
    expect_error([&] { model.add_layer(std::make_shared<nerva::LinearLayer<double>>(5, 2)); }, ErrorKind::ShapeMismatch,
                 "layer", "input size D = 5 but the previous layer has output size K = 4");
    EXPECT_EQ(model.layer_count(), 1);
}

TEST(Model, RejectsSameLayerTwice)
{
    MultilayerPerceptron<double> model;
    auto layer = std::make_shared<nerva::LinearLayer<double>>(3, 3);
    model.add_layer(layer);
    expect_error([&] { model.add_layer(layer); }, ErrorKind::InvalidArgument, "layer", "already layer 0");
}

TEST(Model, RejectsTrainingWhenIncomplete)
{
    MultilayerPerceptron<double> model;
    const Matrix<double> X = Matrix<double>::Ones(2, 3);
    const Matrix<double> T = Matrix<double>::Ones(2, 1);
    expect_error([&] { model.train_batch(X, T, 0.1); }, ErrorKind::InvalidOperation, "", "no layers");
    Matrix<double> Y;
    expect_error([&] { model.feedforward(X, Y); }, ErrorKind::InvalidOperation, "", "no layers");
    model.add_layer(std::make_shared<nerva::LinearLayer<double>>(3, 1));
    expect_error([&] { model.train_batch(X, T, 0.1); }, ErrorKind::InvalidOperation, "", "no loss function");
    model.set_loss(LossKind::SquaredError);
    expect_error([&] { model.train_batch(X, T, 0.1); }, ErrorKind::InvalidOperation, "", "no optimizer");
}

TEST(Model, RejectsBadTrainingArguments)
{
    const auto data = make_blobs<double>(12, 1);
    auto network = make_classifier<double>(OptimizerKind::GradientDescent);
    auto& model = network->model;
    const int64_t rows[] = {0, 5, 12};
    expect_error([&] { model.train_batch_rows(data.X, data.T, rows, 3, 0.1); }, ErrorKind::InvalidArgument, "rows",
                 "rows[2] is 12 but the data set has 12 rows");
    const int64_t negative[] = {-1};
    expect_error([&] { model.train_batch_rows(data.X, data.T, negative, 1, 0.1); }, ErrorKind::InvalidArgument, "rows",
                 "rows[0] is -1");
    expect_error([&] { model.train_batch_rows(data.X, data.T, rows, 0, 0.1); }, ErrorKind::InvalidArgument, "row_count",
                 "row_count is 0");
    expect_error([&] { model.train_batch_rows(data.X, data.T, nullptr, 2, 0.1); }, ErrorKind::InvalidArgument, "rows",
                 "rows is NULL");
    for (const double eta : {std::nan(""), double(INFINITY), -0.5})
    {
        expect_error([&] { model.train_batch(data.X, data.T, eta); }, ErrorKind::InvalidArgument, "learning_rate",
                     "must be finite and >= 0");
    }
    const Matrix<double> T_short = data.T.topRows(11);
    expect_error([&] { model.train_batch(data.X, T_short, 0.1); }, ErrorKind::ShapeMismatch, "T",
                 "T has shape 11x3 but 12x3 is required");
    expect_error([&] { model.evaluate(data.X, data.T, 0); }, ErrorKind::InvalidArgument, "batch_size",
                 "batch_size is 0");
    expect_error(
        [&] {
            model.set_optimizer({OptimizerKind::Momentum, 1.0});
        },
        ErrorKind::InvalidArgument, "momentum", "momentum is 1 but must be in the open interval (0, 1)");
}

// A layer's own optimizer replaces the model's for that layer only. Over two
// steps momentum differs from gradient descent (the first step is the same
// for both), and layer 1's input gradient depends only on layer 2's weights
// before the second step, so layer 1's weights must match the gradient-descent
// run exactly while layer 2's must not.
TEST(Model, LayerOptimizerOverridesModelOptimizer)
{
    const auto data = make_blobs<double>(60, 4);
    auto plain = make_classifier<double>(OptimizerKind::GradientDescent);
    auto mixed = make_classifier<double>(OptimizerKind::Momentum);
    auto momentum = make_classifier<double>(OptimizerKind::Momentum);
    mixed->model.set_layer_optimizer(0, {OptimizerKind::GradientDescent, 0});
    for (int step = 0; step < 2; ++step)
    {
        plain->model.train_batch(data.X, data.T, 0.1);
        mixed->model.train_batch(data.X, data.T, 0.1);
        momentum->model.train_batch(data.X, data.T, 0.1);
    }
    auto W = [](Network<double>& network, size_t l) { return *network.layers[l]->parameters()[0].value; };
    EXPECT_TRUE(W(*mixed, 0) == W(*plain, 0));
    EXPECT_FALSE(W(*mixed, 1) == W(*plain, 1));
    EXPECT_TRUE(W(*mixed, 1) == W(*momentum, 1));
    EXPECT_FALSE(W(*momentum, 0) == W(*plain, 0));

    expect_error(
        [&] {
            mixed->model.set_layer_optimizer(2, {OptimizerKind::GradientDescent, 0});
        },
        ErrorKind::InvalidArgument, "layer_index", "layer_index is 2 but the model has 2 layers");
    expect_error(
        [&] {
            mixed->model.set_layer_optimizer(1, {OptimizerKind::Nesterov, 1.5});
        },
        ErrorKind::InvalidArgument, "momentum", "momentum is 1.5");
}
