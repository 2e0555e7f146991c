// Statistics of every initializer on a K x D = 400 x 500 weight matrix
// (200,000 draws). With n draws of standard deviation σ, the sample mean has
// standard error σ / sqrt(n) = 0.0022 σ, so the mean is checked to within
// 5 standard errors; the sample variance is checked to within 2 %, about
// six times its standard error for the normal distribution.
#include "core/initializers.h"
#include "core/layers/batch_normalization_layer.h"
#include "core/layers/linear_layer.h"

#include <cmath>
#include <gtest/gtest.h>

using nerva::Initializer;
using nerva::InitializerKind;
using nerva::LinearLayer;
using nerva::Matrix;

namespace
{

constexpr nerva::Index K = 400;
constexpr nerva::Index D = 500;

struct Statistics
{
    double mean;
    double variance;
    double min;
    double max;
};

Statistics statistics_of(const Matrix<double>& W)
{
    const double n = static_cast<double>(W.size());
    const double mean = W.sum() / n;
    const double variance = (W.array() - mean).square().sum() / (n - 1);
    return {mean, variance, W.minCoeff(), W.maxCoeff()};
}

Matrix<double> draw(const Initializer& initializer, uint64_t seed = 42)
{
    LinearLayer<double> layer(D, K);
    layer.b.setConstant(3);
    nerva::initialize_layer(layer, initializer, seed);
    EXPECT_EQ(layer.b, Matrix<double>::Zero(1, K)) << "the bias must start at zero";
    return layer.W;
}

// Checks U(low, high): mean, variance (high - low)^2 / 12, the bounds, and
// that the draws come within 0.1 % of the range to both bounds.
void expect_uniform(const Initializer& initializer, double low, double high)
{
    const Statistics s = statistics_of(draw(initializer));
    const double width = high - low;
    const double sigma = width / std::sqrt(12.0);
    EXPECT_NEAR(s.mean, (low + high) / 2, 5 * sigma / std::sqrt(double(K * D)));
    EXPECT_NEAR(s.variance / (sigma * sigma), 1.0, 0.02);
    EXPECT_GE(s.min, low);
    EXPECT_LE(s.max, high);
    EXPECT_LT(s.min, low + 0.001 * width);
    EXPECT_GT(s.max, high - 0.001 * width);
}

// Checks N(mean, sigma): mean, variance, and that about 68.27 % of the
// draws lie within one standard deviation (to within 0.5 percentage points).
void expect_normal(const Initializer& initializer, double mean, double sigma)
{
    const Matrix<double> W = draw(initializer);
    const Statistics s = statistics_of(W);
    EXPECT_NEAR(s.mean, mean, 5 * sigma / std::sqrt(double(K * D)));
    EXPECT_NEAR(s.variance / (sigma * sigma), 1.0, 0.02);
    const double inside = ((W.array() - mean).abs() <= sigma).cast<double>().mean();
    EXPECT_NEAR(inside, 0.6827, 0.005);
}

} // namespace

TEST(Initializer, UniformUsesBounds)
{
    expect_uniform({InitializerKind::Uniform, -0.3, 0.7}, -0.3, 0.7);
}

TEST(Initializer, XavierBoundsFromInputs)
{
    const double c = 1 / std::sqrt(double(D));
    expect_uniform({InitializerKind::Xavier}, -c, c);
}

TEST(Initializer, XavierNormalizedBoundsFromInputsAndOutputs)
{
    const double c = std::sqrt(6.0) / std::sqrt(double(D + K));
    expect_uniform({InitializerKind::XavierNormalized}, -c, c);
}

TEST(Initializer, XavierUniformEqualsXavierNormalized)
{
    const double c = std::sqrt(6.0) / std::sqrt(double(D + K));
    expect_uniform({InitializerKind::XavierUniform}, -c, c);
    EXPECT_EQ(draw({InitializerKind::XavierUniform}), draw({InitializerKind::XavierNormalized}));
}

TEST(Initializer, HeUniformBoundsFromInputs)
{
    const double c = std::sqrt(6.0 / double(D));
    expect_uniform({InitializerKind::HeUniform}, -c, c);
}

TEST(Initializer, HeStandardDeviationFromInputs)
{
    expect_normal({InitializerKind::He}, 0, std::sqrt(2.0 / double(D)));
}

TEST(Initializer, HeNormalEqualsHe)
{
    expect_normal({InitializerKind::HeNormal}, 0, std::sqrt(2.0 / double(D)));
    EXPECT_EQ(draw({InitializerKind::HeNormal}), draw({InitializerKind::He}));
}

TEST(Initializer, XavierNormalStandardDeviation)
{
    expect_normal({InitializerKind::XavierNormal}, 0, std::sqrt(2.0 / double(D + K)));
}

TEST(Initializer, NormalUsesMeanAndStandardDeviation)
{
    expect_normal({InitializerKind::Normal, 1.5, 0.25}, 1.5, 0.25);
}

TEST(Initializer, ZeroGivesZeros)
{
    EXPECT_EQ(draw({InitializerKind::Zero}), Matrix<double>::Zero(K, D));
}

TEST(Initializer, SameSeedSameWeights)
{
    EXPECT_EQ(draw({InitializerKind::He}, 7), draw({InitializerKind::He}, 7));
    EXPECT_NE(draw({InitializerKind::He}, 7), draw({InitializerKind::He}, 8));
}

TEST(Initializer, Float32MatchesFloat64Draws)
{
    LinearLayer<float> layer(D, K);
    nerva::initialize_layer(layer, {InitializerKind::XavierNormal}, 42);
    EXPECT_EQ(layer.W, draw({InitializerKind::XavierNormal}).cast<float>());
}

TEST(Initializer, RejectsInvalidArguments)
{
    LinearLayer<double> layer(3, 2);
    layer.W.setConstant(5);
    for (const Initializer& initializer :
         {Initializer{InitializerKind::Uniform, 1, -1}, Initializer{InitializerKind::Uniform, 0, INFINITY},
          Initializer{InitializerKind::Normal, 0, -1}, Initializer{InitializerKind::Normal, std::nan(""), 1},
          Initializer{static_cast<InitializerKind>(0)}, Initializer{static_cast<InitializerKind>(11)}})
    {
        try
        {
            nerva::initialize_layer(layer, initializer, 1);
            ADD_FAILURE() << "initializer kind " << int(initializer.kind) << " with a = " << initializer.a
                          << ", b = " << initializer.b << " was accepted";
        }
        catch (const nerva::Error& e)
        {
            EXPECT_EQ(e.argument(), "initializer");
        }
    }
    EXPECT_EQ(layer.W, Matrix<double>::Constant(2, 3, 5)) << "a rejected initializer must not change W";
}

TEST(Initializer, RejectsLayerWithoutWeights)
{
    nerva::BatchNormalizationLayer<double> layer(4);
    try
    {
        nerva::initialize_layer(layer, {InitializerKind::He}, 1);
        ADD_FAILURE() << "batch normalization was initialized";
    }
    catch (const nerva::Error& e)
    {
        EXPECT_EQ(e.argument(), "layer");
        EXPECT_NE(std::string(e.what()).find("no weight matrix W"), std::string::npos) << e.what();
    }
}
