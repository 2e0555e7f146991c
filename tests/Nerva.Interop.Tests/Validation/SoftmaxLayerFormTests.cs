using Nerva.Layers;

namespace Nerva.Interop.Tests.Validation;

// The O(N·K) matrix forms of the softmax and log-softmax layers against the per-example chain rule
// dz_i = dy_i·J(z_i), with J from the Jacobian function of the library: (26) for softmax and (27) for
// log-softmax. With D = K, W = I and b = 0 the layer has Z = X and DX = DZ·W = DZ, so DX shows DZ.
public class SoftmaxLayerFormTests
{
    private const int N = 5;
    private const int K = 4;

    public static TheoryData<ScalarType> ScalarTypes => TestMatrices.ScalarTypes;

    [Theory]
    [MemberData(nameof(ScalarTypes))]
    public void SoftmaxLayer_RowsOfDZAreDYTimesJacobian26(ScalarType scalarType)
    {
        using var layer = new SoftmaxLayer(K, K, scalarType);

        AssertRowsMatchJacobian(layer, SoftmaxKind.Softmax, scalarType);
    }

    [Theory]
    [MemberData(nameof(ScalarTypes))]
    public void LogSoftmaxLayer_RowsOfDZAreDYTimesJacobian27(ScalarType scalarType)
    {
        using var layer = new LogSoftmaxLayer(K, K, scalarType);

        AssertRowsMatchJacobian(layer, SoftmaxKind.LogSoftmax, scalarType);
    }

    // Also DW = Σ_i dz_iᵀ·x_i, the sum of the per-example outer products, and Db = Σ_i dz_i.
    private static void AssertRowsMatchJacobian(Layer layer, SoftmaxKind kind, ScalarType scalarType)
    {
        var random = new Random(51);
        double[] X = TestMatrices.Round(TestMatrices.Uniform(random, N * K, -3, 3), scalarType);
        double[] DY = TestMatrices.Round(TestMatrices.Uniform(random, N * K, -1, 1), scalarType);
        double[] identity = Enumerable.Range(0, K * K).Select(i => i % (K + 1) == 0 ? 1.0 : 0).ToArray();
        TestMatrices.SetParameter(layer, "W", identity);
        using Matrix input = TestMatrices.Create(X, N, K, scalarType);
        using Matrix output = TestMatrices.Empty(scalarType);
        using Matrix outputGradient = TestMatrices.Create(DY, N, K, scalarType);
        using Matrix inputGradient = TestMatrices.Empty(scalarType);
        using Matrix J = TestMatrices.Empty(scalarType);

        layer.Feedforward(input, output);
        layer.Backpropagate(input, output, outputGradient, inputGradient);

        double[] DZ = TestMatrices.Read(inputGradient);
        var expectedDW = new double[K * K];
        var expectedDb = new double[K];
        double tolerance = Tolerance.For(scalarType);
        for (int i = 0; i < N; i++)
        {
            double[] x = TestMatrices.Row(X, i, K);
            using Matrix row = TestMatrices.Create(x, 1, K, scalarType);
            SoftmaxFunctions.Jacobian(kind, row, J);
            double[] dz = SoftmaxReference.RowTimes(TestMatrices.Row(DY, i, K), TestMatrices.Read(J));

            Tolerance.AssertClose(dz, TestMatrices.Row(DZ, i, K), tolerance, $"DZ row {i}");
            for (int k = 0; k < K; k++)
            {
                expectedDb[k] += dz[k];
                for (int j = 0; j < K; j++)
                {
                    expectedDW[(k * K) + j] += dz[k] * x[j];
                }
            }
        }

        Tolerance.AssertClose(expectedDW, TestMatrices.GetParameter(layer, "DW"), tolerance, "DW");
        Tolerance.AssertClose(expectedDb, TestMatrices.GetParameter(layer, "Db"), tolerance, "Db");
    }
}
