using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Nerva.Data;

/// <summary>
/// An n-dimensional array as NumPy stores it in <c>.npy</c> files: an element type, a shape and the elements
/// in row-major (C) order, little-endian. Readers convert Fortran-order and big-endian files to this layout.
/// </summary>
/// <remarks>
/// The array is immutable. The typed accessors (<see cref="ToArray{T}"/>, <see cref="ToSingleArray"/>,
/// <see cref="ToDoubleArray"/>, <see cref="ToInt64Array"/>) return new arrays in row-major order.
/// NOTE: elements are stored and converted in the host's byte order, which this code assumes to be little-endian
/// (x64 and Arm64).
/// </remarks>
public sealed partial class NpyArray
{
    private readonly byte[] _data;
    private readonly int[] _shape;

    internal NpyArray(NpyDType dtype, int[] shape, byte[] data, string? source)
    {
        int count = ElementCount(shape);
        if (data.LongLength != (long)count * NpyDTypes.ItemSize(dtype))
        {
            throw new ArgumentException(
                $"The data contains {data.LongLength} bytes, but shape {FormatShape(shape)} of {dtype} needs {(long)count * NpyDTypes.ItemSize(dtype)}.",
                nameof(data));
        }

        DType = dtype;
        _shape = shape;
        _data = data;
        Count = count;
        Source = source;
    }

    /// <summary>The element type.</summary>
    public NpyDType DType { get; }

    /// <summary>The size of each dimension; empty for a 0-d (scalar) array.</summary>
    public IReadOnlyList<int> Shape => _shape;

    /// <summary>The number of dimensions: 0 for a scalar, 1 for a vector, 2 for a matrix.</summary>
    public int Rank => _shape.Length;

    /// <summary>The number of elements: the product of <see cref="Shape"/>, which is 1 for a scalar.</summary>
    public int Count { get; }

    /// <summary>The number of bytes per element.</summary>
    public int ItemSize => NpyDTypes.ItemSize(DType);

    /// <summary>The elements as raw little-endian bytes in row-major order.</summary>
    public ReadOnlySpan<byte> Data => _data;

    /// <summary>The file (and archive member) the array was read from, for error messages; null for arrays built in memory.</summary>
    internal string? Source { get; }

    /// <summary>Creates an array of the given shape from <paramref name="values"/> in row-major order, copying them.</summary>
    /// <typeparam name="T">bool, sbyte, byte, short, ushort, int, uint, long, ulong, Half, float or double.</typeparam>
    /// <param name="values">The elements in row-major order.</param>
    /// <param name="shape">The dimensions; none for a scalar, whose <paramref name="values"/> has one element.</param>
    /// <exception cref="ArgumentException">A dimension is negative or the number of values does not match the shape.</exception>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> has no NumPy dtype.</exception>
    public static NpyArray Create<T>(ReadOnlySpan<T> values, params ReadOnlySpan<int> shape)
        where T : unmanaged
    {
        NpyDType dtype = NpyDTypes.Of<T>();
        int[] dimensions = shape.ToArray();
        foreach (int dimension in dimensions)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(dimension, nameof(shape));
        }

        int count = ElementCount(dimensions);
        if (values.Length != count)
        {
            throw new ArgumentException($"Shape {FormatShape(dimensions)} needs {count} values, but {values.Length} were given.", nameof(values));
        }

        byte[] data = MemoryMarshal.AsBytes(values).ToArray();
        if (dtype == NpyDType.Bool)
        {
            NormalizeBooleans(data);
        }

        return new NpyArray(dtype, dimensions, data, source: null);
    }

    /// <summary>Creates a two-dimensional array from <paramref name="values"/>, copying them.</summary>
    /// <typeparam name="T">bool, sbyte, byte, short, ushort, int, uint, long, ulong, Half, float or double.</typeparam>
    public static NpyArray Create<T>(T[,] values)
        where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(values);
        ReadOnlySpan<T> flat = MemoryMarshal.CreateReadOnlySpan(ref Unsafe.As<byte, T>(ref MemoryMarshal.GetArrayDataReference(values)), values.Length);
        return Create(flat, values.GetLength(0), values.GetLength(1));
    }

    /// <summary>Returns a copy of the elements in row-major order, with no conversion.</summary>
    /// <typeparam name="T">The .NET type of <see cref="DType"/>, for example <see cref="float"/> for <see cref="NpyDType.Float32"/>.</typeparam>
    /// <exception cref="InvalidOperationException"><typeparamref name="T"/> is not the element type of the array.</exception>
    public T[] ToArray<T>()
        where T : unmanaged
    {
        NpyDType requested = NpyDTypes.Of<T>();
        if (requested != DType)
        {
            throw new InvalidOperationException(
                $"The array{SourceSuffix} contains {DType} elements, not {requested}. Call ToArray with the matching type, or use ToSingleArray, ToDoubleArray or ToInt64Array to convert.");
        }

        return MemoryMarshal.Cast<byte, T>(_data).ToArray();
    }

    /// <summary>Returns the shape as NumPy prints it, for example <c>(2, 3)</c>, <c>(5,)</c> or <c>()</c>.</summary>
    public string FormatShape() => FormatShape(_shape);

    /// <inheritdoc/>
    public override string ToString() => $"NpyArray {NpyDTypes.Description(DType)} {FormatShape()}";

    /// <summary>Returns the product of the dimensions, which is 1 for no dimensions.</summary>
    /// <exception cref="ArgumentException">The product exceeds the largest .NET array.</exception>
    internal static int ElementCount(ReadOnlySpan<int> shape)
    {
        long count = 1;
        foreach (int dimension in shape)
        {
            count *= dimension;
            if (count > Array.MaxLength)
            {
                throw new ArgumentException($"Shape {FormatShape(shape)} has more elements than a .NET array can hold ({Array.MaxLength}).", nameof(shape));
            }
        }

        return (int)count;
    }

    /// <summary>Formats a shape the way Python prints a tuple.</summary>
    internal static string FormatShape(ReadOnlySpan<int> shape) => shape.Length switch
    {
        0 => "()",
        1 => $"({shape[0]},)",
        _ => $"({string.Join(", ", shape.ToArray())})",
    };

    /// <summary>Maps every non-zero byte to 1, the only true value that .NET and NumPy agree on.</summary>
    internal static void NormalizeBooleans(Span<byte> data)
    {
        for (int i = 0; i < data.Length; i++)
        {
            if (data[i] > 1)
            {
                data[i] = 1;
            }
        }
    }

    private string SourceSuffix => Source is null ? string.Empty : $" in '{Source}'";
}
