namespace Nerva.Data;

/// <summary>
/// Reads and writes NumPy <c>.npy</c> files. Reading accepts format versions 1.0, 2.0 and 3.0, C and Fortran
/// order, and little- or big-endian elements of the types in <see cref="NpyDType"/>; writing produces the same
/// bytes as numpy.save (format 1.0, or 2.0 when the header needs a 32-bit length).
/// </summary>
public static class Npy
{
    /// <summary>Reads the array in the file <paramref name="path"/>.</summary>
    /// <exception cref="DataSetNotFoundException">The file does not exist.</exception>
    /// <exception cref="DataFormatException">The file is not a valid .npy file, is truncated or has bytes after the data.</exception>
    public static NpyArray Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            throw new DataSetNotFoundException($"The .npy file '{path}' does not exist. Check the path.", path);
        }

        using FileStream stream = File.OpenRead(path);
        return Read(stream, path, stream.Length, lengthIsExact: true);
    }

    /// <summary>Reads one array from <paramref name="stream"/>, which must be positioned at the magic string.</summary>
    /// <param name="stream">The stream; reading stops at the end of the declared data.</param>
    /// <param name="sourceName">The name of the file or archive member, used in error messages.</param>
    /// <exception cref="DataFormatException">The data is not a valid .npy array or is truncated.</exception>
    public static NpyArray Read(Stream stream, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(sourceName);
        return Read(stream, sourceName, length: null, lengthIsExact: false);
    }

    /// <summary>Writes <paramref name="array"/> to the file <paramref name="path"/>, replacing it atomically.</summary>
    /// <remarks>The array goes to a temporary file in the same folder that is then renamed over <paramref name="path"/>, so an interrupted save leaves the old file intact.</remarks>
    public static void Save(string path, NpyArray array)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(array);
        AtomicFile.Write(path, stream => Write(stream, array));
    }

    /// <summary>Writes <paramref name="array"/> in .npy format, C order, with the header numpy.save writes.</summary>
    public static void Write(Stream stream, NpyArray array)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(array);
        int[] shape = [.. array.Shape];
        stream.Write(NpyHeader.Format(array.DType, shape));
        stream.Write(array.Data);
    }

    /// <summary>Reads one array, rejecting missing and extra data up front when the stream's length is known.</summary>
    /// <param name="stream">The stream, positioned at the magic string.</param>
    /// <param name="source">The file name used in error messages.</param>
    /// <param name="length">The number of bytes from the current position to the end of the stream, or null when unknown.</param>
    /// <param name="lengthIsExact">
    /// Whether <paramref name="length"/> comes from the file system. A zip member's declared size can be wrong, so
    /// its data buffer grows as bytes arrive instead of being allocated at the declared size.
    /// </param>
    internal static NpyArray Read(Stream stream, string source, long? length, bool lengthIsExact)
    {
        NpyHeader header = NpyHeader.Read(stream, source, out int headerBytes);
        if (!NpyDTypes.TryParse(header.Description, out NpyDType dtype, out bool isBigEndian))
        {
            throw new DataFormatException(
                $"The file '{source}' contains elements of dtype '{header.Description}', which is not supported. Convert the array to one of {NpyDTypes.SupportedDescriptions}, for example with array.astype('<f4').",
                source);
        }

        int count;
        try
        {
            count = NpyArray.ElementCount(header.Shape);
        }
        catch (ArgumentException exception)
        {
            throw new DataFormatException($"The file '{source}' declares shape {NpyArray.FormatShape(header.Shape)}, which is too large to load. {exception.Message}", source, exception);
        }

        int itemSize = NpyDTypes.ItemSize(dtype);
        long dataBytes = (long)count * itemSize;
        // TODO: arrays over Array.MaxLength bytes (about 2 GiB) would need chunked or memory-mapped reading.
        if (dataBytes > Array.MaxLength)
        {
            throw new DataFormatException(
                $"The file '{source}' contains {dataBytes} bytes of data, more than a .NET array can hold ({Array.MaxLength}). Split the array into smaller files.",
                source);
        }

        string declared = $"shape {NpyArray.FormatShape(header.Shape)} of {header.Description} needs {dataBytes} bytes of data";
        if (length is long total && total - headerBytes != dataBytes)
        {
            long actual = Math.Max(0, total - headerBytes);
            throw new DataFormatException(
                actual < dataBytes
                    ? $"The file '{source}' is truncated: {declared}, but only {actual} follow the header. Copy or save the file again."
                    : $"The file '{source}' is corrupt: {declared}, but {actual} follow the header. The header does not match the data; save the array again.",
                source);
        }

        byte[] data = StreamReading.ReadExactly(
            stream,
            (int)dataBytes,
            lengthVerified: length is not null && lengthIsExact,
            read => new DataFormatException($"The file '{source}' is truncated: {declared}, but only {read} follow the header. Copy or save the file again.", source));

        if (isBigEndian && itemSize > 1)
        {
            ReverseEndianness(data, itemSize);
        }

        if (dtype == NpyDType.Bool)
        {
            NpyArray.NormalizeBooleans(data);
        }

        if (header.FortranOrder)
        {
            data = FortranToRowMajor(data, header.Shape, itemSize);
        }

        return new NpyArray(dtype, header.Shape, data, source);
    }

    /// <summary>Swaps the bytes of every element in place, from big-endian to little-endian.</summary>
    internal static void ReverseEndianness(Span<byte> data, int itemSize)
    {
        for (int offset = 0; offset < data.Length; offset += itemSize)
        {
            data.Slice(offset, itemSize).Reverse();
        }
    }

    /// <summary>
    /// Reorders elements from Fortran (column-major) order, where the first index varies fastest, to C (row-major)
    /// order, where the last index varies fastest.
    /// </summary>
    internal static byte[] FortranToRowMajor(byte[] data, int[] shape, int itemSize)
    {
        int rank = shape.Length;
        if (rank < 2 || data.Length == 0)
        {
            return data;
        }

        // Row-major stride of each dimension, in elements.
        var strides = new long[rank];
        strides[rank - 1] = 1;
        for (int k = rank - 2; k >= 0; k--)
        {
            strides[k] = strides[k + 1] * shape[k + 1];
        }

        // Walk the Fortran-order elements with an odometer whose first digit turns fastest.
        var result = new byte[data.Length];
        var index = new int[rank];
        long offset = 0;
        for (int source = 0; source < data.Length; source += itemSize)
        {
            data.AsSpan(source, itemSize).CopyTo(result.AsSpan((int)(offset * itemSize), itemSize));
            for (int k = 0; k < rank; k++)
            {
                index[k]++;
                offset += strides[k];
                if (index[k] < shape[k])
                {
                    break;
                }

                offset -= strides[k] * shape[k];
                index[k] = 0;
            }
        }

        return result;
    }
}
