using Nerva.Layers;
using Nerva.Model;

namespace Nerva.Interop.Tests.Training;

// One linear layer (D = 2, K = 1) with squared error on N = 2 examples:
//   X = [[1, 2], [0, 1]], T = [[1], [0]], W = [0.5, −0.25], b = [0.1], η = 0.1, μ = 0.5.
// The step backpropagates DY = ∇L / N = 2(Y − T) / 2 = Y − T, so DW = DYᵀ·X and Db = 1ᵀ·DY.
// Step 1: Y = [0.1, −0.15], DY = [−0.9, −0.15], DW = [−0.9, −1.95], Db = −1.05.
public class OptimizerStepTests
{
    private const double Rate = 0.1;

    // GD step 1: W = [0.59, −0.055], b = 0.205.
    // Step 2: Y = [0.685, 0.15], DY = [−0.315, 0.15], DW = [−0.315, −0.48], Db = −0.165;
    // W = [0.6215, −0.007], b = 0.2215.
    [Fact]
    public void GradientDescent_TwoStepsByHand()
    {
        using MultilayerPerceptron model = CreateModel(Optimizer.GradientDescent);

        TrainStep(model);
        AssertParameters(model, [0.59, -0.055], 0.205);
        TrainStep(model);
        AssertParameters(model, [0.6215, -0.007], 0.2215);
    }

    // Momentum: Δ' = μ·Δ − η·Dθ, θ' = θ + Δ'. Step 1 equals GD because Δ starts at 0: Δ = [0.09, 0.195], Δb = 0.105.
    // Step 2 has GD's step-2 gradient: Δ' = [0.045 + 0.0315, 0.0975 + 0.048] = [0.0765, 0.1455], Δb' = 0.0525 + 0.0165 = 0.069;
    // W = [0.6665, 0.0905], b = 0.274.
    [Fact]
    public void Momentum_TwoStepsByHand()
    {
        using MultilayerPerceptron model = CreateModel(Optimizer.WithMomentum(0.5));

        TrainStep(model);
        AssertParameters(model, [0.59, -0.055], 0.205);
        TrainStep(model);
        AssertParameters(model, [0.6665, 0.0905], 0.274);
    }

    // Nesterov: Δ' = μ·Δ − η·Dθ, θ' = θ + μ·Δ' − η·Dθ.
    // Step 1: Δ = [0.09, 0.195], W += [0.045 + 0.09, 0.0975 + 0.195] → [0.635, 0.0425]; Δb = 0.105, b += 0.0525 + 0.105 → 0.2575.
    // Step 2: Y = [0.9775, 0.3], DY = [−0.0225, 0.3], DW = [−0.0225, 0.255], Db = 0.2775;
    // Δ' = [0.04725, 0.072], W += [0.023625 + 0.00225, 0.036 − 0.0255] → [0.660875, 0.053];
    // Δb' = 0.02475, b += 0.012375 − 0.02775 → 0.242125.
    [Fact]
    public void Nesterov_TwoStepsByHand()
    {
        using MultilayerPerceptron model = CreateModel(Optimizer.Nesterov(0.5));

        TrainStep(model);
        AssertParameters(model, [0.635, 0.0425], 0.2575);
        TrainStep(model);
        AssertParameters(model, [0.660875, 0.053], 0.242125);
    }

    [Fact]
    public void SetLayerOptimizer_OverridesModelOptimizer()
    {
        using MultilayerPerceptron model = CreateModel(Optimizer.GradientDescent);
        model.SetLayerOptimizer(0, Optimizer.Nesterov(0.5));

        TrainStep(model);
        TrainStep(model);

        AssertParameters(model, [0.660875, 0.053], 0.242125);
    }

    // Two linear layers, the first with gradient descent and the second with Nesterov, against a
    // reference loop in double precision that applies each layer's own rule.
    [Fact]
    public void SetLayerOptimizer_EachLayerKeepsItsRule()
    {
        var reference = new TwoLayerReference();
        using var first = new LinearLayer(3, 2, ScalarType.Float64);
        using var second = new LinearLayer(2, 2, ScalarType.Float64);
        first.SetParameter<double>("W", reference.W1);
        first.SetParameter<double>("b", reference.b1);
        second.SetParameter<double>("W", reference.W2);
        second.SetParameter<double>("b", reference.b2);
        using var model = new MultilayerPerceptron([first, second], LossKind.SquaredError, Optimizer.GradientDescent);
        model.SetLayerOptimizer(1, Optimizer.Nesterov(0.5));
        using Matrix X = Matrix.Create<double>(TwoLayerReference.X, 3, 3);
        using Matrix T = Matrix.Create<double>(TwoLayerReference.T, 3, 2);

        for (int step = 0; step < 3; step++)
        {
            model.TrainBatch(X, T, Rate);
            reference.Step(Rate, mu: 0.5);
        }

        AssertClose(reference.W1, first.GetParameter<double>("W"));
        AssertClose(reference.b1, first.GetParameter<double>("b"));
        AssertClose(reference.W2, second.GetParameter<double>("W"));
        AssertClose(reference.b2, second.GetParameter<double>("b"));
    }

    [Fact]
    public void SetLayerOptimizer_BadIndexRejected()
    {
        using MultilayerPerceptron model = CreateModel(Optimizer.GradientDescent);

        Assert.Throws<ArgumentOutOfRangeException>(() => model.SetLayerOptimizer(1, Optimizer.GradientDescent));
    }

    [Fact]
    public void TrainBatch_ReturnsLossSummedOverBatch()
    {
        using MultilayerPerceptron model = CreateModel(Optimizer.GradientDescent);
        using Matrix X = Matrix.Create<double>([1, 2, 0, 1], 2, 2);
        using Matrix T = Matrix.Create<double>([1, 0], 2, 1);

        double loss = model.TrainBatch(X, T, Rate);

        // (0.1 − 1)² + (−0.15 − 0)² = 0.81 + 0.0225.
        Assert.Equal(0.8325, loss, 1e-12);
    }

    private static MultilayerPerceptron CreateModel(Optimizer optimizer)
    {
        var layer = new LinearLayer(2, 1, ScalarType.Float64);
        layer.SetParameter<double>("W", [0.5, -0.25]);
        layer.SetParameter<double>("b", [0.1]);
        return new MultilayerPerceptron([layer], LossKind.SquaredError, optimizer);
    }

    private static void TrainStep(MultilayerPerceptron model)
    {
        using Matrix X = Matrix.Create<double>([1, 2, 0, 1], 2, 2);
        using Matrix T = Matrix.Create<double>([1, 0], 2, 1);
        model.TrainBatch(X, T, Rate);
    }

    private static void AssertParameters(MultilayerPerceptron model, double[] W, double b)
    {
        double[] actualW = model.Layers[0].GetParameter<double>("W");
        Assert.Equal(W[0], actualW[0], 1e-12);
        Assert.Equal(W[1], actualW[1], 1e-12);
        Assert.Equal(b, model.Layers[0].GetParameter<double>("b")[0], 1e-12);
    }

    private static void AssertClose(double[] expected, double[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], actual[i], 1e-12);
        }
    }

    /// <summary>Z = X·W1ᵀ + b1, Y = Z·W2ᵀ + b2, squared error; W1 by gradient descent and W2 by Nesterov.</summary>
    private sealed class TwoLayerReference
    {
        public static readonly double[] X = [0.5, -1, 2, 1.5, 0.25, -0.5, -1, 1, 0.75];
        public static readonly double[] T = [1, 0, 0, 1, 1, 0];

        public double[] W1 { get; } = [0.2, -0.4, 0.1, 0.3, 0.05, -0.2];
        public double[] b1 { get; } = [0.01, -0.02];
        public double[] W2 { get; } = [0.7, -0.3, 0.4, 0.6];
        public double[] b2 { get; } = [0.05, 0.1];

        private readonly double[] _velocityW2 = new double[4];
        private readonly double[] _velocityB2 = new double[2];

        public void Step(double eta, double mu)
        {
            const int N = 3, D = 3, H = 2, K = 2;
            double[] Z = Affine(X, W1, b1, N, D, H);
            double[] Y = Affine(Z, W2, b2, N, H, K);
            double[] DY = new double[N * K];
            for (int i = 0; i < DY.Length; i++)
            {
                DY[i] = 2 * (Y[i] - T[i]) / N;
            }

            (double[] DW2, double[] Db2) = Gradients(DY, Z, N, H, K);
            var DZ = new double[N * H];
            for (int n = 0; n < N; n++)
            {
                for (int h = 0; h < H; h++)
                {
                    for (int k = 0; k < K; k++)
                    {
                        DZ[(n * H) + h] += DY[(n * K) + k] * W2[(k * H) + h];
                    }
                }
            }

            (double[] DW1, double[] Db1) = Gradients(DZ, X, N, D, H);
            Descend(W1, DW1, eta);
            Descend(b1, Db1, eta);
            Nesterov(W2, DW2, _velocityW2, eta, mu);
            Nesterov(b2, Db2, _velocityB2, eta, mu);
        }

        private static double[] Affine(double[] input, double[] W, double[] b, int N, int D, int K)
        {
            var output = new double[N * K];
            for (int n = 0; n < N; n++)
            {
                for (int k = 0; k < K; k++)
                {
                    double sum = b[k];
                    for (int d = 0; d < D; d++)
                    {
                        sum += input[(n * D) + d] * W[(k * D) + d];
                    }

                    output[(n * K) + k] = sum;
                }
            }

            return output;
        }

        // DW = DYᵀ·X (K x D) and Db = 1ᵀ·DY.
        private static (double[] DW, double[] Db) Gradients(double[] DY, double[] input, int N, int D, int K)
        {
            var DW = new double[K * D];
            var Db = new double[K];
            for (int n = 0; n < N; n++)
            {
                for (int k = 0; k < K; k++)
                {
                    Db[k] += DY[(n * K) + k];
                    for (int d = 0; d < D; d++)
                    {
                        DW[(k * D) + d] += DY[(n * K) + k] * input[(n * D) + d];
                    }
                }
            }

            return (DW, Db);
        }

        private static void Descend(double[] theta, double[] gradient, double eta)
        {
            for (int i = 0; i < theta.Length; i++)
            {
                theta[i] -= eta * gradient[i];
            }
        }

        private static void Nesterov(double[] theta, double[] gradient, double[] velocity, double eta, double mu)
        {
            for (int i = 0; i < theta.Length; i++)
            {
                velocity[i] = (mu * velocity[i]) - (eta * gradient[i]);
                theta[i] += (mu * velocity[i]) - (eta * gradient[i]);
            }
        }
    }
}
