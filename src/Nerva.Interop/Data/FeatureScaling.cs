using System.Numerics;

namespace Nerva.Data;

/// <summary>How <see cref="DataSet.Load(string, DataSetLoadOptions)"/> scales the input features X.</summary>
public enum FeatureScaling
{
    /// <summary>The values as stored; pixels of IDX and CIFAR-10 files stay in 0..255.</summary>
    None = 0,

    /// <summary>Every value divided by 255, which maps 8-bit pixels to 0..1.</summary>
    DivideBy255 = 1,

    /// <summary>
    /// Each feature (column) shifted by its mean and divided by its standard deviation, both computed on the
    /// training set only and applied to the training and the test set. The standard deviation is the population
    /// one (divided by N). A feature that is constant on the training set is only centred, so it becomes 0 there
    /// and is never divided by zero.
    /// </summary>
    Standardize = 2,
}

/// <summary>Applies <see cref="FeatureScaling"/> in place.</summary>
internal static class FeatureScaler
{
    /// <summary>Scales <paramref name="xtrain"/> and <paramref name="xtest"/>, which have the same columns, in place.</summary>
    /// <remarks>TODO: return the training mean and scale so that a trained model's later inputs can be standardized the same way.</remarks>
    internal static void Apply(DataMatrix xtrain, DataMatrix xtest, FeatureScaling scaling)
    {
        if (xtrain.ScalarType == ScalarType.Float32)
        {
            Apply(xtrain.AsSpan<float>(), xtest.AsSpan<float>(), xtrain.Columns, scaling);
        }
        else
        {
            Apply(xtrain.AsSpan<double>(), xtest.AsSpan<double>(), xtrain.Columns, scaling);
        }
    }

    private static void Apply<T>(Span<T> xtrain, Span<T> xtest, int columns, FeatureScaling scaling)
        where T : IFloatingPointIeee754<T>
    {
        switch (scaling)
        {
            case FeatureScaling.None:
                break;
            case FeatureScaling.DivideBy255:
                T divisor = T.CreateTruncating(255);
                Divide(xtrain, divisor);
                Divide(xtest, divisor);
                break;
            case FeatureScaling.Standardize:
                (double[] mean, double[] scale) = ComputeStandardization<T>(xtrain, columns);
                Standardize(xtrain, mean, scale);
                Standardize(xtest, mean, scale);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(scaling), scaling, "Use None, DivideBy255 or Standardize.");
        }
    }

    private static void Divide<T>(Span<T> values, T divisor)
        where T : IFloatingPointIeee754<T>
    {
        for (int i = 0; i < values.Length; i++)
        {
            values[i] /= divisor;
        }
    }

    /// <summary>
    /// Returns the mean and the divisor of each column of the row-major <paramref name="x"/>. The divisor is the
    /// population standard deviation, or 1 for a constant column, whose mean is then its value exactly so that
    /// centring gives exact zeros (a summed mean of equal values can be off in the last bit).
    /// </summary>
    internal static (double[] Mean, double[] Scale) ComputeStandardization<T>(ReadOnlySpan<T> x, int columns)
        where T : IFloatingPointIeee754<T>
    {
        int rows = x.Length / columns;
        var mean = new double[columns];
        var scale = new double[columns];
        var isConstant = new bool[columns];
        Array.Fill(isConstant, true);

        // Pass 1: column sums, and whether each column equals its first row everywhere.
        for (int r = 0; r < rows; r++)
        {
            ReadOnlySpan<T> row = x.Slice(r * columns, columns);
            for (int c = 0; c < columns; c++)
            {
                mean[c] += double.CreateTruncating(row[c]);
                isConstant[c] &= row[c] == x[c];
            }
        }

        for (int c = 0; c < columns; c++)
        {
            mean[c] /= rows;
        }

        // Pass 2: the sum of squared deviations, which is more accurate than the mean of squares minus the squared mean.
        for (int r = 0; r < rows; r++)
        {
            ReadOnlySpan<T> row = x.Slice(r * columns, columns);
            for (int c = 0; c < columns; c++)
            {
                double deviation = double.CreateTruncating(row[c]) - mean[c];
                scale[c] += deviation * deviation;
            }
        }

        for (int c = 0; c < columns; c++)
        {
            if (isConstant[c])
            {
                mean[c] = double.CreateTruncating(x[c]);
                scale[c] = 1;
            }
            else
            {
                scale[c] = Math.Sqrt(scale[c] / rows);
            }
        }

        return (mean, scale);
    }

    private static void Standardize<T>(Span<T> x, double[] mean, double[] scale)
        where T : IFloatingPointIeee754<T>
    {
        int columns = mean.Length;
        for (int i = 0; i < x.Length; i++)
        {
            int c = i % columns;
            x[i] = T.CreateTruncating((double.CreateTruncating(x[i]) - mean[c]) / scale[c]);
        }
    }
}
