using Nerva.Layers;

namespace Nerva.Interop.Tests.Validation;

// The SReLU layer when its cases overlap (t_l = 0.5 ≥ t_r = 0.25): the first case wins in A^l, A^r, T^l and
// T^r too, so A^r and T^r are 0 wherever Z ≤ t_l, even where Z ≥ t_r. With W = I, b = 0 and DY = 1,
// Z = X and each parameter gradient is a plain sum over the elements.
public class SReLULayerConventionTests
{
    public static TheoryData<ScalarType> ScalarTypes => TestMatrices.ScalarTypes;

    [Theory]
    [MemberData(nameof(ScalarTypes))]
    public void OverlappingCases_FirstCaseWinsInParameterGradients(ScalarType scalarType)
    {
        const int K = 4;
        using var layer = new ActivationLayer(K, K, Activation.SReLU(al: 0.25, tl: 0.5, ar: 2, tr: 0.25), scalarType);
        TestMatrices.SetParameter(layer, "W", [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1]);
        using Matrix X = TestMatrices.Create([0.375, 0.5, 0.75, -1], 1, K, scalarType);
        using Matrix Y = TestMatrices.Empty(scalarType);
        using Matrix DY = TestMatrices.Create([1, 1, 1, 1], 1, K, scalarType);
        using Matrix DX = TestMatrices.Empty(scalarType);

        layer.Feedforward(X, Y);
        layer.Backpropagate(X, Y, DY, DX);

        // Z ≤ t_l at 0.375, 0.5 and −1: A^l = Z − t_l sums to −0.125 + 0 − 1.5, and T^l = 1 − a_l = 0.75 three times.
        Assert.Equal([-1.625], TestMatrices.GetParameter(layer, "Dal"));
        Assert.Equal([2.25], TestMatrices.GetParameter(layer, "Dtl"));

        // Only Z = 0.75 takes the third case: A^r = 0.75 − 0.25 and T^r = 1 − a_r = −1. If Z = 0.375 counted
        // there too, Dar would be 0.625 and Dtr −2.
        Assert.Equal([0.5], TestMatrices.GetParameter(layer, "Dar"));
        Assert.Equal([-1.0], TestMatrices.GetParameter(layer, "Dtr"));

        // DX = DZ·I = srelu′(Z).
        Assert.Equal([0.25, 0.25, 2, 0.25], TestMatrices.Read(DX));
    }
}
