namespace Nerva.Interop.Tests.Validation;

/// <summary>Central finite differences (f(v + h) − f(v − h)) / 2h of a scalar function of an array, in float64.</summary>
internal static class FiniteDifferences
{
    /// <summary>The step h. Inputs in the tests keep at least 1e-4 away from every kink, so no step crosses one.</summary>
    public const double Step = 1e-6;

    /// <summary>
    /// Returns ∂f/∂v_i for every element of <paramref name="values"/>. The function reads the array, which is
    /// changed one element at a time and restored afterwards.
    /// </summary>
    public static double[] Gradient(double[] values, Func<double> function)
    {
        var gradient = new double[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            double saved = values[i];
            values[i] = saved + Step;
            double plus = function();
            values[i] = saved - Step;
            double minus = function();
            values[i] = saved;
            gradient[i] = (plus - minus) / (2 * Step);
        }

        return gradient;
    }

    /// <summary>
    /// Returns the Jacobian J_ij = ∂f_i/∂v_j (row-major, outputs x inputs) of a vector function of an array.
    /// </summary>
    public static double[] Jacobian(double[] values, Func<double[]> function)
    {
        int outputs = function().Length;
        var jacobian = new double[outputs * values.Length];
        for (int j = 0; j < values.Length; j++)
        {
            double saved = values[j];
            values[j] = saved + Step;
            double[] plus = function();
            values[j] = saved - Step;
            double[] minus = function();
            values[j] = saved;
            for (int i = 0; i < outputs; i++)
            {
                jacobian[(i * values.Length) + j] = (plus[i] - minus[i]) / (2 * Step);
            }
        }

        return jacobian;
    }
}
