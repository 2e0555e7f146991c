using Nerva.Interop;

namespace Nerva;

/// <summary>
/// A dense row-major matrix of float or double values held in native memory. Layers read their input from
/// matrices and write their output into them, so a batch crosses into native code once.
/// </summary>
/// <remarks>
/// Dispose a matrix when it is no longer needed; the finalizer releases forgotten ones. A matrix may be
/// used from one thread at a time.
/// </remarks>
public sealed class Matrix : IDisposable
{
    /// <summary>Creates a <paramref name="rows"/> x <paramref name="columns"/> matrix of zeros.</summary>
    /// <exception cref="ArgumentException">A dimension is less than 1.</exception>
    public Matrix(int rows, int columns, ScalarType scalarType)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rows, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(columns, 1);
        NervaLibrary.EnsureLoaded();
        Status.Check(NativeMethods.nerva_matrix_create(out MatrixHandle handle, (NervaScalarType)scalarType, rows, columns));
        Handle = handle;
        ScalarType = scalarType;
    }

    /// <summary>The element type.</summary>
    public ScalarType ScalarType { get; }

    /// <summary>The number of rows. Layers resize their output matrices, so this can change.</summary>
    public int Rows => Shape.Rows;

    /// <summary>The number of columns.</summary>
    public int Columns => Shape.Columns;

    /// <summary>The number of rows and columns.</summary>
    public (int Rows, int Columns) Shape
    {
        get
        {
            ObjectDisposedException.ThrowIf(Handle.IsClosed, this);
            Status.Check(NativeMethods.nerva_matrix_shape(out long rows, out long columns, Handle));
            return (checked((int)rows), checked((int)columns));
        }
    }

    internal MatrixHandle Handle { get; }

    /// <summary>Creates a matrix from <paramref name="values"/> in row-major order.</summary>
    /// <typeparam name="T"><see cref="float"/> or <see cref="double"/>.</typeparam>
    /// <exception cref="ArgumentException">The number of values is not <paramref name="rows"/> x <paramref name="columns"/>.</exception>
    public static Matrix Create<T>(ReadOnlySpan<T> values, int rows, int columns)
        where T : unmanaged
    {
        var matrix = new Matrix(rows, columns, ScalarTypes.Of<T>());
        try
        {
            matrix.CopyFrom(values);
            return matrix;
        }
        catch
        {
            matrix.Dispose();
            throw;
        }
    }

    /// <summary>Creates a matrix from a two-dimensional array.</summary>
    /// <typeparam name="T"><see cref="float"/> or <see cref="double"/>.</typeparam>
    public static Matrix Create<T>(T[,] values)
        where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(values);
        var flat = new T[values.Length];
        int columns = values.GetLength(1);
        for (int i = 0; i < values.GetLength(0); i++)
        {
            for (int j = 0; j < columns; j++)
            {
                flat[(i * columns) + j] = values[i, j];
            }
        }

        return Create<T>(flat, values.GetLength(0), columns);
    }

    /// <summary>Copies <paramref name="values"/> (row-major, Rows x Columns of them) into the matrix.</summary>
    /// <exception cref="ArgumentException">The count or the element type does not match the matrix.</exception>
    public unsafe void CopyFrom<T>(ReadOnlySpan<T> values)
        where T : unmanaged
    {
        ObjectDisposedException.ThrowIf(Handle.IsClosed, this);
        ScalarTypes.Require<T>(ScalarType, nameof(values));
        fixed (T* data = values)
        {
            Status.Check(NativeMethods.nerva_matrix_write(Handle, data, values.Length, (NervaScalarType)ScalarType));
        }
    }

    /// <summary>Copies the matrix in row-major order into <paramref name="destination"/>, which must hold exactly Rows x Columns values.</summary>
    /// <exception cref="ArgumentException">The count or the element type does not match the matrix.</exception>
    public unsafe void CopyTo<T>(Span<T> destination)
        where T : unmanaged
    {
        ObjectDisposedException.ThrowIf(Handle.IsClosed, this);
        ScalarTypes.Require<T>(ScalarType, nameof(destination));
        fixed (T* data = destination)
        {
            Status.Check(NativeMethods.nerva_matrix_read(data, destination.Length, (NervaScalarType)ScalarType, Handle));
        }
    }

    /// <summary>Returns a copy of the values in row-major order.</summary>
    public T[] ToArray<T>()
        where T : unmanaged
    {
        (int rows, int columns) = Shape;
        var values = new T[checked(rows * columns)];
        CopyTo<T>(values);
        return values;
    }

    /// <summary>Returns a copy of the values as a two-dimensional array.</summary>
    public T[,] To2DArray<T>()
        where T : unmanaged
    {
        (int rows, int columns) = Shape;
        T[] flat = ToArray<T>();
        var values = new T[rows, columns];
        for (int i = 0; i < rows; i++)
        {
            for (int j = 0; j < columns; j++)
            {
                values[i, j] = flat[(i * columns) + j];
            }
        }

        return values;
    }

    /// <summary>Releases the native matrix. Later calls on this object throw <see cref="ObjectDisposedException"/>.</summary>
    public void Dispose() => Handle.Dispose();

    /// <summary>Throws <see cref="ObjectDisposedException"/> when disposed, naming <paramref name="parameterName"/> in the message.</summary>
    internal MatrixHandle CheckedHandle(string parameterName)
    {
        if (Handle.IsClosed)
        {
            throw new ObjectDisposedException(parameterName, $"Matrix '{parameterName}' has been disposed.");
        }

        return Handle;
    }
}
