namespace Nerva.Interop.Tests.Validation;

/// <summary>
/// Random inputs and conversions between double arrays and matrices of either scalar type, so that one test
/// body can run in float32 and float64.
/// </summary>
internal static class TestMatrices
{
    /// <summary>Both scalar types, for theories that run a check in each.</summary>
    public static TheoryData<ScalarType> ScalarTypes => new(ScalarType.Float32, ScalarType.Float64);

    /// <summary>Returns <paramref name="count"/> values drawn uniformly from [<paramref name="min"/>, <paramref name="max"/>).</summary>
    public static double[] Uniform(Random random, int count, double min = -2, double max = 2)
    {
        var values = new double[count];
        for (int i = 0; i < count; i++)
        {
            values[i] = min + ((max - min) * random.NextDouble());
        }

        return values;
    }

    /// <summary>
    /// Returns the values as the scalar type stores them: rounded to float for <see cref="ScalarType.Float32"/>,
    /// so that a reference computed in double from them gets the same inputs as the native code.
    /// </summary>
    public static double[] Round(double[] values, ScalarType scalarType) =>
        scalarType == ScalarType.Float32 ? values.Select(value => (double)(float)value).ToArray() : (double[])values.Clone();

    /// <summary>Creates a <paramref name="rows"/> x <paramref name="columns"/> matrix of the scalar type from row-major values.</summary>
    public static Matrix Create(double[] values, int rows, int columns, ScalarType scalarType) =>
        scalarType == ScalarType.Float32
            ? Matrix.Create<float>(values.Select(value => (float)value).ToArray(), rows, columns)
            : Matrix.Create<double>(values, rows, columns);

    /// <summary>Creates a 1 x 1 matrix of the scalar type, for outputs that the native side resizes.</summary>
    public static Matrix Empty(ScalarType scalarType) => new(1, 1, scalarType);

    /// <summary>Returns the values of a matrix of either scalar type in row-major order, widened to double.</summary>
    public static double[] Read(Matrix matrix) =>
        matrix.ScalarType == ScalarType.Float32
            ? matrix.ToArray<float>().Select(value => (double)value).ToArray()
            : matrix.ToArray<double>();

    /// <summary>Overwrites a matrix of either scalar type with row-major values.</summary>
    public static void Write(Matrix matrix, double[] values)
    {
        if (matrix.ScalarType == ScalarType.Float32)
        {
            matrix.CopyFrom<float>(values.Select(value => (float)value).ToArray());
        }
        else
        {
            matrix.CopyFrom<double>(values);
        }
    }

    /// <summary>Returns a layer parameter of either scalar type, widened to double.</summary>
    public static double[] GetParameter(Layers.Layer layer, string name) =>
        layer.ScalarType == ScalarType.Float32
            ? layer.GetParameter<float>(name).Select(value => (double)value).ToArray()
            : layer.GetParameter<double>(name);

    /// <summary>Sets a layer parameter of either scalar type from double values.</summary>
    public static void SetParameter(Layers.Layer layer, string name, double[] values)
    {
        if (layer.ScalarType == ScalarType.Float32)
        {
            layer.SetParameter<float>(name, values.Select(value => (float)value).ToArray());
        }
        else
        {
            layer.SetParameter<double>(name, values);
        }
    }

    /// <summary>Returns the row-major product A·Bᵀ of A (n x k) and B (m x k).</summary>
    public static double[] MultiplyTransposed(double[] A, double[] B, int n, int k, int m)
    {
        var product = new double[n * m];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < m; j++)
            {
                double sum = 0;
                for (int l = 0; l < k; l++)
                {
                    sum += A[(i * k) + l] * B[(j * k) + l];
                }

                product[(i * m) + j] = sum;
            }
        }

        return product;
    }

    /// <summary>Returns row <paramref name="row"/> of a row-major matrix with <paramref name="columns"/> columns.</summary>
    public static double[] Row(double[] values, int row, int columns) => values.AsSpan(row * columns, columns).ToArray();
}
