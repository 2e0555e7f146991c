#include <gtest/gtest.h>
#include <limits>

#include "core/activation_functions.h"
#include "test_utilities.h"

using nerva::Activation;
using nerva::ActivationKind;
using nerva::Matrix;

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
    Activation activation;
    activation.kind = ActivationKind::SReLU;
    activation.al = al;
    activation.tl = tl;
    activation.ar = ar;
    activation.tr = tr;
    return activation;
}

// Inputs on both sides of 0 and of the SReLU thresholds used below
// (-0.3 and 0.4), at least 1e-3 away from each kink.
Matrix<double> inputs_near_kinks()
{
    Matrix<double> X(1, 14);
    X << -3.0, -0.8, -0.301, -0.299, -0.05, -1e-3, 1e-3, 0.05, 0.399, 0.401, 0.9, 2.5, 6.0, -6.0;
    return X;
}

} // namespace

// Each derivative against central differences of its function, h = 1e-6,
// absolute tolerance 1e-8 (the functions are smooth within h of each input).
TEST(ActivationFunctions, DerivativesMatchFiniteDifferences)
{
    const std::vector<Activation> activations{
        make(ActivationKind::ReLU),           make(ActivationKind::LeakyReLU, 0.1),
        make(ActivationKind::LeakyReLU, 2.5), make(ActivationKind::AllReLU, 0.3),
        make(ActivationKind::AllReLU, -0.3),  make_srelu(0.1, -0.3, 0.2, 0.4),
        make_srelu(0.2, 0.4, 0.3, -0.3),      make(ActivationKind::HyperbolicTangent),
        make(ActivationKind::Sigmoid)};
    const Matrix<double> X = inputs_near_kinks();
    constexpr double h = 1e-6;
    for (const auto& activation : activations)
    {
        const Matrix<double> derivative = nerva::activation_derivative(activation, X);
        for (Eigen::Index j = 0; j < X.cols(); ++j)
        {
            Matrix<double> plus = X.col(j);
            Matrix<double> minus = X.col(j);
            plus(0, 0) += h;
            minus(0, 0) -= h;
            const double expected =
                (nerva::activation_value(activation, plus)(0, 0) - nerva::activation_value(activation, minus)(0, 0)) /
                (2 * h);
            EXPECT_NEAR(derivative(0, j), expected, 1e-8)
                << nerva::activation_name(activation.kind) << " at x = " << X(0, j);
        }
    }
}

TEST(ActivationFunctions, ValuesMatchDefinitions)
{
    EXPECT_EQ(nerva::relu(-2.0), 0.0);
    EXPECT_EQ(nerva::relu(3.0), 3.0);
    EXPECT_EQ(nerva::leaky_relu(0.1, -2.0), -0.2);
    EXPECT_EQ(nerva::leaky_relu(0.1, 3.0), 3.0);
    EXPECT_EQ(nerva::all_relu(-0.5, -2.0), 1.0);
    EXPECT_EQ(nerva::all_relu(-0.5, 3.0), 3.0);
    EXPECT_EQ(nerva::srelu(0.1, -1.0, 0.5, 1.0, -3.0), -1.0 + 0.1 * -2.0);
    EXPECT_EQ(nerva::srelu(0.1, -1.0, 0.5, 1.0, 0.25), 0.25);
    EXPECT_EQ(nerva::srelu(0.1, -1.0, 0.5, 1.0, 3.0), 1.0 + 0.5 * 2.0);
    EXPECT_DOUBLE_EQ(nerva::sigmoid(0.7), 1 / (1 + std::exp(-0.7)));
    EXPECT_DOUBLE_EQ(nerva::sigmoid(-0.7), 1 / (1 + std::exp(0.7)));
}

TEST(ActivationFunctions, DerivativesAtZeroAreOne)
{
    EXPECT_EQ(nerva::relu_derivative(0.0), 1.0);
    EXPECT_EQ(nerva::relu_derivative(-0.0), 1.0);
    EXPECT_EQ(nerva::leaky_relu_derivative(0.1, 0.0), 1.0);
    EXPECT_EQ(nerva::all_relu_derivative(0.1, 0.0), 1.0);
    EXPECT_EQ(nerva::all_relu_derivative(-0.1, 0.0), 1.0);
    EXPECT_EQ(nerva::relu_derivative(-1e-300), 0.0);
    EXPECT_EQ(nerva::leaky_relu_derivative(0.1, -1e-300), 0.1);
    EXPECT_EQ(nerva::all_relu_derivative(0.1, -1e-300), 0.1);
    EXPECT_EQ(nerva::relu_derivative(0.0f), 1.0f);
}

// The initial values a_l, t_l, a_r, t_r = 0, 0, 0, 1 give ReLU below t_r = 1
// and the constant 1 from there on.
TEST(ActivationFunctions, SReLUDefaultsAreReLUBelowOne)
{
    Activation srelu;
    srelu.kind = ActivationKind::SReLU;
    Matrix<double> X(1, 6);
    X << -2.0, -1e-3, 0.0, 0.5, 1.0, 7.0;
    Matrix<double> expected(1, 6);
    expected << 0.0, 0.0, 0.0, 0.5, 1.0, 1.0;
    EXPECT_EQ(nerva::activation_value(srelu, X), expected);
}

// With t_l >= t_r the cases overlap, and the first case (x <= t_l) wins.
TEST(ActivationFunctions, SReLUOverlapTakesFirstCase)
{
    const double al = 0.2, tl = 0.5, ar = 3.0, tr = 0.1;
    EXPECT_EQ(nerva::srelu(al, tl, ar, tr, 0.3), tl + al * (0.3 - tl));
    EXPECT_EQ(nerva::srelu(al, tl, ar, tr, 0.5), tl);
    EXPECT_EQ(nerva::srelu_derivative(al, tl, ar, tr, 0.3), al);
    EXPECT_EQ(nerva::srelu(al, tl, ar, tr, 0.7), tr + ar * (0.7 - tr));
    EXPECT_EQ(nerva::srelu_derivative(al, tl, ar, tr, 0.7), ar);

    Matrix<double> Z(1, 3);
    Z << 0.3, 0.5, 0.7;
    const auto P = nerva::srelu_parameter_derivatives(al, tl, ar, tr, Z);
    EXPECT_EQ(P.Al, (Matrix<double>(1, 3) << 0.3 - tl, 0.0, 0.0).finished());
    EXPECT_EQ(P.Tl, (Matrix<double>(1, 3) << 1 - al, 1 - al, 0.0).finished());
    EXPECT_EQ(P.Ar, (Matrix<double>(1, 3) << 0.0, 0.0, 0.7 - tr).finished());
    EXPECT_EQ(P.Tr, (Matrix<double>(1, 3) << 0.0, 0.0, 1 - ar).finished());
}

// srelu's derivatives by its parameters against central differences.
TEST(ActivationFunctions, SReLUParameterDerivativesMatchFiniteDifferences)
{
    for (const auto& p : {make_srelu(0.1, -0.3, 0.2, 0.4), make_srelu(0.2, 0.4, 0.3, -0.3)})
    {
        const Matrix<double> Z = inputs_near_kinks();
        const auto P = nerva::srelu_parameter_derivatives(p.al, p.tl, p.ar, p.tr, Z);
        constexpr double h = 1e-6;
        auto difference = [&](Activation plus, Activation minus) {
            return ((nerva::activation_value(plus, Z) - nerva::activation_value(minus, Z)) / (2 * h)).eval();
        };
        Activation plus = p, minus = p;
        plus.al += h, minus.al -= h;
        EXPECT_LT((P.Al - difference(plus, minus)).cwiseAbs().maxCoeff(), 1e-8);
        plus = p, minus = p;
        plus.tl += h, minus.tl -= h;
        EXPECT_LT((P.Tl - difference(plus, minus)).cwiseAbs().maxCoeff(), 1e-8);
        plus = p, minus = p;
        plus.ar += h, minus.ar -= h;
        EXPECT_LT((P.Ar - difference(plus, minus)).cwiseAbs().maxCoeff(), 1e-8);
        plus = p, minus = p;
        plus.tr += h, minus.tr -= h;
        EXPECT_LT((P.Tr - difference(plus, minus)).cwiseAbs().maxCoeff(), 1e-8);
    }
}

TEST(ActivationFunctions, SigmoidIsFiniteForLargeInputs)
{
    EXPECT_EQ(nerva::sigmoid(1000.0), 1.0);
    EXPECT_EQ(nerva::sigmoid(-1000.0), 0.0);
    EXPECT_EQ(nerva::sigmoid(-100.0f), std::exp(-100.0f) / (1 + std::exp(-100.0f)));
    EXPECT_GT(nerva::sigmoid(-100.0f), 0.0f);
    EXPECT_EQ(nerva::sigmoid_derivative(1000.0), 0.0);
    EXPECT_EQ(nerva::sigmoid_derivative(-1000.0), 0.0);
}

TEST(ActivationFunctions, AllReLUAlphaAlternatesFromLayerTwo)
{
    EXPECT_EQ(nerva::all_relu_alpha(0.3, 2), -0.3);
    EXPECT_EQ(nerva::all_relu_alpha(0.3, 3), 0.3);
    EXPECT_EQ(nerva::all_relu_alpha(0.3, 4), -0.3);
    EXPECT_EQ(nerva::all_relu_alpha(0.3, 5), 0.3);
    EXPECT_EQ(nerva::all_relu_alpha(0.3, 1), 0.3);
    EXPECT_THROW(nerva::all_relu_alpha(0.3, 0), nerva::Error);
}

TEST(ActivationFunctions, ValidateRejectsNonFiniteParameters)
{
    EXPECT_THROW(nerva::validate(make(ActivationKind::LeakyReLU, std::numeric_limits<double>::infinity())),
                 nerva::Error);
    EXPECT_THROW(nerva::validate(make(ActivationKind::AllReLU, std::numeric_limits<double>::quiet_NaN())),
                 nerva::Error);
    EXPECT_THROW(nerva::validate(make_srelu(0, std::numeric_limits<double>::quiet_NaN(), 0, 1)), nerva::Error);
    EXPECT_NO_THROW(nerva::validate(make(ActivationKind::ReLU, std::numeric_limits<double>::quiet_NaN())));
    try
    {
        nerva::validate(make_srelu(0, 0, std::numeric_limits<double>::infinity(), 1));
        FAIL() << "expected an error";
    }
    catch (const nerva::Error& e)
    {
        EXPECT_EQ(e.argument(), "activation.ar");
    }
}
