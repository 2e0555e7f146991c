namespace Nerva.Data;

/// <summary>
/// The element type of an <see cref="NpyArray"/>, named after the NumPy dtype. Arrays in memory are always
/// little-endian, whatever byte order the file used.
/// </summary>
public enum NpyDType
{
    /// <summary>NumPy <c>bool</c> (<c>|b1</c>), one byte per element holding 0 or 1; .NET <see cref="bool"/>.</summary>
    Bool = 1,

    /// <summary>NumPy <c>int8</c> (<c>|i1</c>); .NET <see cref="sbyte"/>.</summary>
    Int8,

    /// <summary>NumPy <c>uint8</c> (<c>|u1</c>); .NET <see cref="byte"/>.</summary>
    UInt8,

    /// <summary>NumPy <c>int16</c> (<c>&lt;i2</c>); .NET <see cref="short"/>.</summary>
    Int16,

    /// <summary>NumPy <c>uint16</c> (<c>&lt;u2</c>); .NET <see cref="ushort"/>.</summary>
    UInt16,

    /// <summary>NumPy <c>int32</c> (<c>&lt;i4</c>); .NET <see cref="int"/>.</summary>
    Int32,

    /// <summary>NumPy <c>uint32</c> (<c>&lt;u4</c>); .NET <see cref="uint"/>.</summary>
    UInt32,

    /// <summary>NumPy <c>int64</c> (<c>&lt;i8</c>); .NET <see cref="long"/>.</summary>
    Int64,

    /// <summary>NumPy <c>uint64</c> (<c>&lt;u8</c>); .NET <see cref="ulong"/>.</summary>
    UInt64,

    /// <summary>NumPy <c>float16</c> (<c>&lt;f2</c>); .NET <see cref="Half"/>.</summary>
    Float16,

    /// <summary>NumPy <c>float32</c> (<c>&lt;f4</c>); .NET <see cref="float"/>.</summary>
    Float32,

    /// <summary>NumPy <c>float64</c> (<c>&lt;f8</c>); .NET <see cref="double"/>.</summary>
    Float64,
}

/// <summary>Sizes, NumPy type strings and .NET types of the <see cref="NpyDType"/> values.</summary>
internal static class NpyDTypes
{
    /// <summary>The type strings that the reader accepts, for error messages.</summary>
    internal const string SupportedDescriptions = "|b1, |i1, |u1, <i2, <u2, <i4, <u4, <i8, <u8, <f2, <f4, <f8 and their big-endian '>' forms";

    private static readonly Dictionary<Type, NpyDType> ElementTypes = new()
    {
        [typeof(bool)] = NpyDType.Bool,
        [typeof(sbyte)] = NpyDType.Int8,
        [typeof(byte)] = NpyDType.UInt8,
        [typeof(short)] = NpyDType.Int16,
        [typeof(ushort)] = NpyDType.UInt16,
        [typeof(int)] = NpyDType.Int32,
        [typeof(uint)] = NpyDType.UInt32,
        [typeof(long)] = NpyDType.Int64,
        [typeof(ulong)] = NpyDType.UInt64,
        [typeof(Half)] = NpyDType.Float16,
        [typeof(float)] = NpyDType.Float32,
        [typeof(double)] = NpyDType.Float64,
    };

    /// <summary>Returns the number of bytes per element.</summary>
    internal static int ItemSize(NpyDType dtype) => dtype switch
    {
        NpyDType.Bool or NpyDType.Int8 or NpyDType.UInt8 => 1,
        NpyDType.Int16 or NpyDType.UInt16 or NpyDType.Float16 => 2,
        NpyDType.Int32 or NpyDType.UInt32 or NpyDType.Float32 => 4,
        NpyDType.Int64 or NpyDType.UInt64 or NpyDType.Float64 => 8,
        _ => throw new ArgumentOutOfRangeException(nameof(dtype), dtype, "Unknown NpyDType."),
    };

    /// <summary>Returns the little-endian NumPy type string, as numpy.save writes it (for example <c>&lt;f4</c> or <c>|u1</c>).</summary>
    internal static string Description(NpyDType dtype)
    {
        char kind = dtype switch
        {
            NpyDType.Bool => 'b',
            NpyDType.Int8 or NpyDType.Int16 or NpyDType.Int32 or NpyDType.Int64 => 'i',
            NpyDType.UInt8 or NpyDType.UInt16 or NpyDType.UInt32 or NpyDType.UInt64 => 'u',
            _ => 'f',
        };
        int size = ItemSize(dtype);
        char byteOrder = size == 1 ? '|' : '<';
        return $"{byteOrder}{kind}{size}";
    }

    /// <summary>
    /// Parses a NumPy type string such as <c>&lt;f8</c>, <c>&gt;i4</c> or <c>|u1</c>. Returns false for type strings
    /// that name other types (complex numbers, strings, dates, structured types).
    /// </summary>
    internal static bool TryParse(string description, out NpyDType dtype, out bool isBigEndian)
    {
        dtype = default;
        isBigEndian = false;
        if (description.Length < 3 || "<>=|".IndexOf(description[0], StringComparison.Ordinal) < 0)
        {
            return false;
        }

        isBigEndian = description[0] == '>';
        NpyDType? parsed = description.AsSpan(1) switch
        {
            "b1" => NpyDType.Bool,
            "i1" => NpyDType.Int8,
            "u1" => NpyDType.UInt8,
            "i2" => NpyDType.Int16,
            "u2" => NpyDType.UInt16,
            "i4" => NpyDType.Int32,
            "u4" => NpyDType.UInt32,
            "i8" => NpyDType.Int64,
            "u8" => NpyDType.UInt64,
            "f2" => NpyDType.Float16,
            "f4" => NpyDType.Float32,
            "f8" => NpyDType.Float64,
            _ => null,
        };
        if (parsed is null)
        {
            return false;
        }

        dtype = parsed.Value;
        return true;
    }

    /// <summary>Returns the dtype whose .NET element type is <typeparamref name="T"/>.</summary>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> has no NumPy counterpart here.</exception>
    internal static NpyDType Of<T>()
        where T : unmanaged
    {
        if (ElementTypes.TryGetValue(typeof(T), out NpyDType dtype))
        {
            return dtype;
        }

        throw new NotSupportedException(
            $"The element type {typeof(T).Name} has no NumPy dtype here. Use bool, sbyte, byte, short, ushort, int, uint, long, ulong, Half, float or double.");
    }
}
