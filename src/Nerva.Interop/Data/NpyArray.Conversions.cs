using System.Globalization;
using System.Numerics;
using System.Runtime.InteropServices;

namespace Nerva.Data;

public sealed partial class NpyArray
{
    /// <summary>Returns the elements converted to <see cref="float"/>, in row-major order.</summary>
    /// <remarks>64-bit integers and doubles are rounded to the nearest float; booleans become 0 and 1.</remarks>
    public float[] ToSingleArray()
    {
        var result = new float[Count];
        ConvertTo<float>(result);
        return result;
    }

    /// <summary>Returns the elements converted to <see cref="double"/>, in row-major order.</summary>
    /// <remarks>Integers beyond 2^53 are rounded to the nearest double; booleans become 0 and 1.</remarks>
    public double[] ToDoubleArray()
    {
        var result = new double[Count];
        ConvertTo<double>(result);
        return result;
    }

    /// <summary>Returns the elements converted to <see cref="long"/>, in row-major order, as class labels need.</summary>
    /// <exception cref="DataFormatException">
    /// An element is a floating-point value that is not a whole number, or lies outside the range of <see cref="long"/>.
    /// </exception>
    public long[] ToInt64Array()
    {
        var result = new long[Count];
        switch (DType)
        {
            case NpyDType.UInt64:
                ReadOnlySpan<ulong> unsigned = MemoryMarshal.Cast<byte, ulong>(_data);
                for (int i = 0; i < unsigned.Length; i++)
                {
                    result[i] = unsigned[i] <= long.MaxValue
                        ? (long)unsigned[i]
                        : throw NotAnInteger(i, unsigned[i].ToString(CultureInfo.InvariantCulture));
                }

                break;
            case NpyDType.Float16:
                WholeNumbers(MemoryMarshal.Cast<byte, Half>(_data), result);
                break;
            case NpyDType.Float32:
                WholeNumbers(MemoryMarshal.Cast<byte, float>(_data), result);
                break;
            case NpyDType.Float64:
                WholeNumbers(MemoryMarshal.Cast<byte, double>(_data), result);
                break;
            default:
                ConvertTo<long>(result);
                break;
        }

        return result;
    }

    /// <summary>Converts every element to <typeparamref name="TResult"/> with a plain numeric cast.</summary>
    private void ConvertTo<TResult>(Span<TResult> destination)
        where TResult : INumberBase<TResult>
    {
        switch (DType)
        {
            case NpyDType.Bool:
            case NpyDType.UInt8:
                Cast<byte, TResult>(_data, destination);
                break;
            case NpyDType.Int8:
                Cast<sbyte, TResult>(_data, destination);
                break;
            case NpyDType.Int16:
                Cast<short, TResult>(_data, destination);
                break;
            case NpyDType.UInt16:
                Cast<ushort, TResult>(_data, destination);
                break;
            case NpyDType.Int32:
                Cast<int, TResult>(_data, destination);
                break;
            case NpyDType.UInt32:
                Cast<uint, TResult>(_data, destination);
                break;
            case NpyDType.Int64:
                Cast<long, TResult>(_data, destination);
                break;
            case NpyDType.UInt64:
                Cast<ulong, TResult>(_data, destination);
                break;
            case NpyDType.Float16:
                Cast<Half, TResult>(_data, destination);
                break;
            case NpyDType.Float32:
                Cast<float, TResult>(_data, destination);
                break;
            case NpyDType.Float64:
                Cast<double, TResult>(_data, destination);
                break;
            default:
                throw new InvalidOperationException($"Unknown NpyDType {DType}.");
        }
    }

    private static void Cast<TSource, TResult>(ReadOnlySpan<byte> data, Span<TResult> destination)
        where TSource : unmanaged, INumberBase<TSource>
        where TResult : INumberBase<TResult>
    {
        ReadOnlySpan<TSource> source = MemoryMarshal.Cast<byte, TSource>(data);
        for (int i = 0; i < source.Length; i++)
        {
            destination[i] = TResult.CreateTruncating(source[i]);
        }
    }

    private void WholeNumbers<TSource>(ReadOnlySpan<TSource> source, Span<long> destination)
        where TSource : IFloatingPoint<TSource>
    {
        // 2^63 is exactly representable, so the range check has no rounding gap at the top.
        TSource lower = TSource.CreateTruncating(-9.2233720368547758E18);
        TSource upper = TSource.CreateTruncating(9.2233720368547758E18);
        for (int i = 0; i < source.Length; i++)
        {
            TSource value = source[i];
            if (!TSource.IsInteger(value) || value < lower || value >= upper)
            {
                throw NotAnInteger(i, value.ToString(null, CultureInfo.InvariantCulture));
            }

            destination[i] = long.CreateTruncating(value);
        }
    }

    private DataFormatException NotAnInteger(int index, string value) => new(
        $"The array{SourceSuffix} contains {value} at index {index}, which is not an integer in the range of int64. Class labels must be whole numbers; store real-valued targets as a 2-d array.",
        Source);
}
