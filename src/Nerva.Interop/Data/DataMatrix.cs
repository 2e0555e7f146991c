namespace Nerva.Data;

/// <summary>
/// A dense matrix in managed memory: one contiguous row-major array of <see cref="float"/> or <see cref="double"/>
/// values, such as a data set's inputs X (N x D, one example per row) or a real-valued target matrix T (N x K).
/// </summary>
/// <remarks>
/// The matrix wraps its array without copying, and <see cref="AsSpan{T}"/> and <see cref="GetValues{T}"/> return
/// that array itself, so a caller hands the values to native code in one copy, for example with
/// <c>Matrix.Create(x.AsSpan&lt;float&gt;(), x.Rows, x.Columns)</c>.
/// </remarks>
public sealed class DataMatrix
{
    private readonly Array _values;

    /// <summary>Wraps <paramref name="values"/>, row-major, as a float32 matrix without copying it.</summary>
    /// <exception cref="ArgumentException">The length of <paramref name="values"/> is not <paramref name="rows"/> x <paramref name="columns"/>.</exception>
    public DataMatrix(float[] values, int rows, int columns)
        : this(values, rows, columns, ScalarType.Float32)
    {
    }

    /// <summary>Wraps <paramref name="values"/>, row-major, as a float64 matrix without copying it.</summary>
    /// <exception cref="ArgumentException">The length of <paramref name="values"/> is not <paramref name="rows"/> x <paramref name="columns"/>.</exception>
    public DataMatrix(double[] values, int rows, int columns)
        : this(values, rows, columns, ScalarType.Float64)
    {
    }

    private DataMatrix(Array values, int rows, int columns, ScalarType scalarType)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfNegative(columns);
        if (values.LongLength != (long)rows * columns)
        {
            throw new ArgumentException($"A {rows} x {columns} matrix needs {(long)rows * columns} values, but {values.LongLength} were given.", nameof(values));
        }

        _values = values;
        Rows = rows;
        Columns = columns;
        ScalarType = scalarType;
    }

    /// <summary>The number of rows, which is the number of examples for X and T.</summary>
    public int Rows { get; }

    /// <summary>The number of columns, which is the number of features for X.</summary>
    public int Columns { get; }

    /// <summary>The element type: <see cref="ScalarType.Float32"/> for a float array, <see cref="ScalarType.Float64"/> for a double array.</summary>
    public ScalarType ScalarType { get; }

    /// <summary>Returns the element in row <paramref name="row"/> and column <paramref name="column"/>, widened to double.</summary>
    public double this[int row, int column]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(row);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(row, Rows);
            ArgumentOutOfRangeException.ThrowIfNegative(column);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(column, Columns);
            int index = (row * Columns) + column;
            return _values is float[] single ? single[index] : ((double[])_values)[index];
        }
    }

    /// <summary>Returns the values in row-major order; the span refers to the matrix's own array, so writes change the matrix.</summary>
    /// <typeparam name="T"><see cref="float"/> for a float32 matrix, <see cref="double"/> for a float64 matrix.</typeparam>
    /// <exception cref="InvalidOperationException"><typeparamref name="T"/> does not match <see cref="ScalarType"/>.</exception>
    public Span<T> AsSpan<T>()
        where T : unmanaged => GetValues<T>();

    /// <summary>Returns the matrix's own row-major array, not a copy.</summary>
    /// <typeparam name="T"><see cref="float"/> for a float32 matrix, <see cref="double"/> for a float64 matrix.</typeparam>
    /// <exception cref="InvalidOperationException"><typeparamref name="T"/> does not match <see cref="ScalarType"/>.</exception>
    public T[] GetValues<T>()
        where T : unmanaged
    {
        if (_values is T[] values)
        {
            return values;
        }

        string expected = ScalarType == ScalarType.Float32 ? "float" : "double";
        throw new InvalidOperationException(
            $"The matrix contains {ScalarType} values, not {typeof(T).Name}. Request {expected}, or call ConvertTo to get a copy of the other type.");
    }

    /// <summary>Returns this matrix when it already has <paramref name="scalarType"/>, otherwise a converted copy.</summary>
    public DataMatrix ConvertTo(ScalarType scalarType)
    {
        if (scalarType == ScalarType)
        {
            return this;
        }

        if (scalarType == ScalarType.Float64)
        {
            float[] single = (float[])_values;
            var widened = new double[single.Length];
            for (int i = 0; i < single.Length; i++)
            {
                widened[i] = single[i];
            }

            return new DataMatrix(widened, Rows, Columns);
        }

        double[] source = (double[])_values;
        var narrowed = new float[source.Length];
        for (int i = 0; i < source.Length; i++)
        {
            narrowed[i] = (float)source[i];
        }

        return new DataMatrix(narrowed, Rows, Columns);
    }

    /// <summary>Returns the one-hot matrix of class labels: row i has 1 in column labels[i] and 0 elsewhere.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A label is negative or not less than <paramref name="classCount"/>.</exception>
    public static DataMatrix OneHot(ReadOnlySpan<int> labels, int classCount, ScalarType scalarType)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(classCount, 1);
        DataMatrix result = Zeros(labels.Length, classCount, scalarType);
        for (int i = 0; i < labels.Length; i++)
        {
            int label = labels[i];
            if (label < 0 || label >= classCount)
            {
                throw new ArgumentOutOfRangeException(nameof(labels), label, $"Label {label} at index {i} is outside 0..{classCount - 1}. Pass a larger class count or fix the label.");
            }

            if (result._values is float[] single)
            {
                single[(i * classCount) + label] = 1;
            }
            else
            {
                ((double[])result._values)[(i * classCount) + label] = 1;
            }
        }

        return result;
    }

    /// <summary>Creates a matrix of zeros.</summary>
    internal static DataMatrix Zeros(int rows, int columns, ScalarType scalarType)
    {
        int length = checked(rows * columns);
        return scalarType == ScalarType.Float32
            ? new DataMatrix(new float[length], rows, columns)
            : new DataMatrix(new double[length], rows, columns);
    }

    /// <summary>Creates a matrix from the elements of <paramref name="array"/> converted to <paramref name="scalarType"/>.</summary>
    internal static DataMatrix FromArray(NpyArray array, int rows, int columns, ScalarType scalarType) => scalarType == ScalarType.Float32
        ? new DataMatrix(array.ToSingleArray(), rows, columns)
        : new DataMatrix(array.ToDoubleArray(), rows, columns);

    /// <summary>Returns the matrix as an array for an .npz file, in its own element type.</summary>
    internal NpyArray ToNpyArray() => _values is float[] single
        ? NpyArray.Create<float>(single, Rows, Columns)
        : NpyArray.Create<double>((double[])_values, Rows, Columns);
}
