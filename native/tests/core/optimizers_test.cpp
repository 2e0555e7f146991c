// Optimizer steps against values computed by hand. Two steps per optimizer,
// so that the state Δ of momentum and Nesterov takes part.
#include "core/layers/batch_normalization_layer.h"
#include "core/optimizers.h"

#include <gtest/gtest.h>

using nerva::Matrix;
using nerva::Optimizer;
using nerva::OptimizerKind;
using nerva::OptimizerSettings;
using nerva::Parameter;

namespace
{

// θ = [1, -2], with gradients Dθ = [0.5, 1] in the first step and [-1, 2] in
// the second; η = 0.1 and μ = 0.9.
template <typename T>
std::vector<Matrix<T>> run_two_steps(OptimizerKind kind)
{
    Matrix<T> theta(1, 2);
    theta << T(1), T(-2);
    Matrix<T> Dtheta(1, 2);
    Optimizer<T> optimizer({kind, 0.9}, {Parameter<T>{"theta", &theta, &Dtheta}});

    std::vector<Matrix<T>> result;
    Dtheta << T(0.5), T(1);
    optimizer.update(0.1);
    result.push_back(theta);
    Dtheta << T(-1), T(2);
    optimizer.update(0.1);
    result.push_back(theta);
    return result;
}

void expect_row(const Matrix<double>& actual, double first, double second)
{
    EXPECT_NEAR(actual(0, 0), first, 1e-15);
    EXPECT_NEAR(actual(0, 1), second, 1e-15);
}

} // namespace

// θ1 = θ0 - 0.1 [0.5, 1] = [0.95, -2.1]; θ2 = θ1 - 0.1 [-1, 2] = [1.05, -2.3]
TEST(Optimizer, GradientDescentTwoSteps)
{
    const auto thetas = run_two_steps<double>(OptimizerKind::GradientDescent);
    expect_row(thetas[0], 0.95, -2.1);
    expect_row(thetas[1], 1.05, -2.3);
}

// Δ1 = [-0.05, -0.1], θ1 = [0.95, -2.1];
// Δ2 = 0.9 Δ1 - 0.1 [-1, 2] = [0.055, -0.29], θ2 = [1.005, -2.39]
TEST(Optimizer, MomentumTwoSteps)
{
    const auto thetas = run_two_steps<double>(OptimizerKind::Momentum);
    expect_row(thetas[0], 0.95, -2.1);
    expect_row(thetas[1], 1.005, -2.39);
}

// Δ1 = [-0.05, -0.1], θ1 = θ0 + 0.9 Δ1 - 0.1 [0.5, 1] = [0.905, -2.19];
// Δ2 = [0.055, -0.29], θ2 = θ1 + 0.9 Δ2 - 0.1 [-1, 2] = [1.0545, -2.651]
TEST(Optimizer, NesterovTwoSteps)
{
    const auto thetas = run_two_steps<double>(OptimizerKind::Nesterov);
    expect_row(thetas[0], 0.905, -2.19);
    expect_row(thetas[1], 1.0545, -2.651);
}

TEST(Optimizer, NesterovTwoStepsFloat32)
{
    const auto thetas = run_two_steps<float>(OptimizerKind::Nesterov);
    EXPECT_NEAR(thetas[1](0, 0), 1.0545f, 1e-6f);
    EXPECT_NEAR(thetas[1](0, 1), -2.651f, 1e-6f);
}

// Batch normalization's running statistics have no gradient and must stay
// as they are, while gamma and beta move.
TEST(Optimizer, SkipsParametersWithoutGradient)
{
    nerva::BatchNormalizationLayer<double> layer(3);
    layer.Dgamma.setConstant(1);
    layer.Dbeta.setConstant(-1);
    Optimizer<double> optimizer({OptimizerKind::Momentum, 0.5}, layer.parameters());
    optimizer.update(0.25);
    EXPECT_EQ(layer.gamma, Matrix<double>::Constant(1, 3, 0.75));
    EXPECT_EQ(layer.beta, Matrix<double>::Constant(1, 3, 0.25));
    EXPECT_EQ(layer.running_mean, Matrix<double>::Zero(1, 3));
    EXPECT_EQ(layer.running_variance, Matrix<double>::Ones(1, 3));
}

TEST(Optimizer, RejectsMomentumOutsideOpenInterval)
{
    for (const double momentum : {0.0, 1.0, -0.5, 1.5, std::nan("")})
    {
        for (const auto kind : {OptimizerKind::Momentum, OptimizerKind::Nesterov})
        {
            try
            {
                nerva::validate_optimizer({kind, momentum});
                ADD_FAILURE() << "momentum " << momentum << " was accepted";
            }
            catch (const nerva::Error& e)
            {
                EXPECT_EQ(e.argument(), "momentum");
                EXPECT_NE(std::string(e.what()).find("(0, 1)"), std::string::npos) << e.what();
            }
        }
    }
    EXPECT_NO_THROW(nerva::validate_optimizer({OptimizerKind::GradientDescent, 5.0}));
}

TEST(Optimizer, RejectsUnknownKind)
{
    EXPECT_THROW(nerva::validate_optimizer({static_cast<OptimizerKind>(0), 0.5}), nerva::Error);
    EXPECT_THROW(nerva::validate_optimizer({static_cast<OptimizerKind>(4), 0.5}), nerva::Error);
}

TEST(Optimizer, RejectsLearningRateNotFinite)
{
    Matrix<double> theta = Matrix<double>::Ones(1, 1);
    Matrix<double> Dtheta = Matrix<double>::Ones(1, 1);
    Optimizer<double> optimizer({OptimizerKind::GradientDescent, 0}, {Parameter<double>{"theta", &theta, &Dtheta}});
    EXPECT_THROW(optimizer.update(std::nan("")), nerva::Error);
    EXPECT_THROW(optimizer.update(INFINITY), nerva::Error);
    EXPECT_THROW(optimizer.update(-0.1), nerva::Error);
    EXPECT_EQ(theta(0, 0), 1.0);
}
