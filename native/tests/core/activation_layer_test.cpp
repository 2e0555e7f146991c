#include <gtest/gtest.h>

#include "core/layers/activation_layer.h"
#include "core/layers/srelu_layer.h"
#include "test_utilities.h"

using nerva::Activation;
using nerva::ActivationKind;
using nerva::ActivationLayer;
using nerva::Index;
using nerva::Matrix;
using nerva::SReLULayer;
using nerva::testing::check_layer_gradients;
using nerva::testing::random_matrix;

namespace
{

Activation make(ActivationKind kind, double alpha = 0)
{
    Activation activation;
    activation.kind = kind;
    activation.alpha = alpha;
    return activation;
}

Activation make_srelu(double al, double tl, double ar, double tr)
{
    Activation activation = make(ActivationKind::SReLU);
    activation.al = al;
    activation.tl = tl;
    activation.ar = ar;
    activation.tr = tr;
    return activation;
}

// Relative tolerance of the central-difference checks below (h = 1e-6).
constexpr double gradient_tolerance = 1e-6;

template <typename Layer>
void randomize_weights(Layer& layer, std::mt19937& rng)
{
    layer.W = random_matrix<double>(layer.W.rows(), layer.W.cols(), rng);
    layer.b = random_matrix<double>(1, layer.b.cols(), rng, -0.5, 0.5);
}

void expect_gradients_match(nerva::Layer<double>& layer, unsigned seed, const std::string& label)
{
    std::mt19937 rng(seed);
    Matrix<double> X = random_matrix<double>(5, layer.input_size(), rng, -1.5, 1.5);
    const Matrix<double> C = random_matrix<double>(5, layer.output_size(), rng);
    for (const auto& check : check_layer_gradients(layer, X, C))
    {
        EXPECT_LT(check.difference, gradient_tolerance) << label << ": " << check.name;
    }
}

} // namespace

TEST(ActivationLayer, GradientsMatchFiniteDifferences)
{
    const std::vector<Activation> activations{make(ActivationKind::ReLU), make(ActivationKind::LeakyReLU, 0.1),
                                              make(ActivationKind::AllReLU, -0.3),
                                              make(ActivationKind::HyperbolicTangent), make(ActivationKind::Sigmoid)};
    unsigned seed = 30;
    for (const auto& activation : activations)
    {
        ActivationLayer<double> layer(4, 3, activation);
        std::mt19937 rng(seed);
        randomize_weights(layer, rng);
        expect_gradients_match(layer, ++seed, nerva::activation_name(activation.kind));
    }
}

TEST(ActivationLayer, FeedforwardAppliesActivationToZ)
{
    ActivationLayer<double> layer(2, 2, make(ActivationKind::LeakyReLU, 0.1));
    layer.W << 1, 0, 0, -1;
    layer.b << 0.5, 0;
    Matrix<double> X(1, 2);
    X << -2, 3;
    Matrix<double> Y;
    layer.feedforward(X, Y);
    EXPECT_DOUBLE_EQ(Y(0, 0), 0.1 * -1.5);
    EXPECT_DOUBLE_EQ(Y(0, 1), 0.1 * -3);
}

TEST(ActivationLayer, Float32MatchesFloat64)
{
    std::mt19937 rng(40);
    ActivationLayer<double> layer64(4, 3, make(ActivationKind::Sigmoid));
    randomize_weights(layer64, rng);
    ActivationLayer<float> layer32(4, 3, make(ActivationKind::Sigmoid));
    layer32.W = layer64.W.cast<float>();
    layer32.b = layer64.b.cast<float>();
    const Matrix<double> X = random_matrix<double>(6, 4, rng);
    const Matrix<double> DY = random_matrix<double>(6, 3, rng);
    Matrix<double> Y64, DX64;
    Matrix<float> Y32, DX32;
    layer64.feedforward(X, Y64);
    layer64.backpropagate(X, Y64, DY, &DX64);
    layer32.feedforward(X.cast<float>(), Y32);
    layer32.backpropagate(X.cast<float>(), Y32, DY.cast<float>(), &DX32);
    EXPECT_LT((Y32.cast<double>() - Y64).cwiseAbs().maxCoeff(), 1e-6);
    EXPECT_LT((DX32.cast<double>() - DX64).cwiseAbs().maxCoeff(), 1e-5);
    EXPECT_LT((layer32.DW.cast<double>() - layer64.DW).cwiseAbs().maxCoeff(), 1e-5);
}

TEST(ActivationLayer, RejectsSReLUAndNonFiniteAlpha)
{
    EXPECT_THROW(ActivationLayer<double>(2, 2, make(ActivationKind::SReLU)), nerva::Error);
    EXPECT_THROW(ActivationLayer<double>(2, 2, make(ActivationKind::LeakyReLU, std::nan(""))), nerva::Error);
}

TEST(ActivationLayer, BackpropagateBeforeFeedforwardIsRejected)
{
    ActivationLayer<double> layer(2, 2, make(ActivationKind::ReLU));
    const Matrix<double> X = Matrix<double>::Ones(3, 2);
    Matrix<double> DX;
    EXPECT_THROW(layer.backpropagate(X, X, X, &DX), nerva::Error);
}

TEST(SReLULayer, ParametersAreNamed)
{
    SReLULayer<double> layer(3, 2, make_srelu(0, 0, 0, 1));
    std::vector<std::string> names;
    for (const auto& parameter : layer.parameters())
    {
        names.push_back(parameter.name);
        ASSERT_NE(parameter.gradient, nullptr);
    }
    EXPECT_EQ(names, (std::vector<std::string>{"W", "b", "al", "tl", "ar", "tr"}));
    EXPECT_EQ(layer.tr(0, 0), 1.0);
}

// Every region of srelu must be hit for the parameter gradients to be tested.
TEST(SReLULayer, GradientsMatchFiniteDifferences)
{
    for (const auto& initial : {make_srelu(0.1, -0.3, 0.2, 0.4), make_srelu(0.2, 0.4, 0.3, -0.3)})
    {
        SReLULayer<double> layer(4, 6, initial);
        std::mt19937 rng(50);
        randomize_weights(layer, rng);
        expect_gradients_match(layer, 51, initial.tl < initial.tr ? "t_l < t_r" : "t_l >= t_r");

        const Matrix<double>& Z = layer.Z;
        EXPECT_TRUE((Z.array() <= initial.tl).any());
        EXPECT_TRUE((Z.array() > std::max(initial.tl, initial.tr)).any());
        if (initial.tl < initial.tr)
        {
            const auto middle = (Z.array() > initial.tl) && (Z.array() < initial.tr);
            EXPECT_TRUE(middle.any());
        }
        EXPECT_NE(layer.Dal(0, 0), 0.0);
        EXPECT_NE(layer.Dtl(0, 0), 0.0);
        EXPECT_NE(layer.Dar(0, 0), 0.0);
        EXPECT_NE(layer.Dtr(0, 0), 0.0);
    }
}

TEST(SReLULayer, RejectsOtherKinds)
{
    EXPECT_THROW(SReLULayer<double>(2, 2, make(ActivationKind::ReLU)), nerva::Error);
}
