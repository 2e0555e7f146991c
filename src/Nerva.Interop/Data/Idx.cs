using System.Buffers.Binary;
using System.IO.Compression;

namespace Nerva.Data;

/// <summary>
/// Reads IDX files, the format of MNIST and Fashion-MNIST: a 4-byte magic number (two zero bytes, a type code and
/// the number of dimensions), each dimension as a big-endian int32, then the elements in row-major order,
/// big-endian. Images are 0x00000803 (unsigned bytes, 3 dimensions), labels 0x00000801 (unsigned bytes, 1 dimension).
/// Files compressed with gzip are recognised by their first two bytes (1f 8b) and decompressed while reading.
/// </summary>
public static class Idx
{
    /// <summary>The magic number of MNIST image files: unsigned bytes in 3 dimensions (count, rows, columns).</summary>
    public const int ImagesMagic = 0x00000803;

    /// <summary>The magic number of MNIST label files: unsigned bytes in 1 dimension.</summary>
    public const int LabelsMagic = 0x00000801;

    /// <summary>Reads the IDX file <paramref name="path"/>, gzip-compressed or not, into an array of the file's shape.</summary>
    /// <returns>An array whose dtype follows the type code: 0x08 UInt8, 0x09 Int8, 0x0B Int16, 0x0C Int32, 0x0D Float32, 0x0E Float64.</returns>
    /// <exception cref="DataSetNotFoundException">The file does not exist.</exception>
    /// <exception cref="DataFormatException">The magic number is wrong, or the file is truncated, corrupt or longer than its dimensions declare.</exception>
    public static NpyArray Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            throw new DataSetNotFoundException($"The IDX file '{path}' does not exist. Check the path.", path);
        }

        using FileStream file = File.OpenRead(path);
        Span<byte> signature = stackalloc byte[2];
        bool isGzip = file.ReadAtLeast(signature, 2, throwOnEndOfStream: false) == 2 && signature[0] == 0x1f && signature[1] == 0x8b;
        file.Position = 0;
        if (!isGzip)
        {
            return Read(file, path, file.Length);
        }

        try
        {
            using var gzip = new GZipStream(file, CompressionMode.Decompress);
            return Read(gzip, path, length: null);
        }
        catch (InvalidDataException exception)
        {
            throw new DataFormatException(
                $"The file '{path}' starts like a gzip file but cannot be decompressed: {exception.Message} Download the file again.",
                path,
                exception);
        }
    }

    private static NpyArray Read(Stream stream, string path, long? length)
    {
        Span<byte> magic = stackalloc byte[4];
        int read = stream.ReadAtLeast(magic, 4, throwOnEndOfStream: false);
        int magicNumber = read == 4 ? BinaryPrimitives.ReadInt32BigEndian(magic) : -1;
        NpyDType? dtype = magic[2] switch
        {
            0x08 => NpyDType.UInt8,
            0x09 => NpyDType.Int8,
            0x0B => NpyDType.Int16,
            0x0C => NpyDType.Int32,
            0x0D => NpyDType.Float32,
            0x0E => NpyDType.Float64,
            _ => null,
        };
        if (read < 4 || magic[0] != 0 || magic[1] != 0 || dtype is null || magic[3] == 0)
        {
            string found = read < 4 ? $"only {read} bytes" : $"the magic number 0x{magicNumber:X8}";
            throw new DataFormatException(
                $"The file '{path}' is not an IDX file: it has {found}, but IDX files start with 0x00000803 (images), 0x00000801 (labels) or another type code and dimension count. Pass the MNIST-format file itself.",
                path);
        }

        int rank = magic[3];
        Span<byte> dimensionBytes = stackalloc byte[4 * rank];
        if (stream.ReadAtLeast(dimensionBytes, dimensionBytes.Length, throwOnEndOfStream: false) < dimensionBytes.Length)
        {
            throw new DataFormatException($"The file '{path}' is truncated: it ends inside the {rank} dimensions its magic number 0x{magicNumber:X8} declares. Download the file again.", path);
        }

        var shape = new int[rank];
        for (int k = 0; k < rank; k++)
        {
            shape[k] = BinaryPrimitives.ReadInt32BigEndian(dimensionBytes[(4 * k)..]);
            if (shape[k] < 0)
            {
                throw new DataFormatException($"The file '{path}' declares dimension {k} as {shape[k]}, which is negative, so the file is corrupt. Download the file again.", path);
            }
        }

        int itemSize = NpyDTypes.ItemSize(dtype.Value);
        long count = 1;
        foreach (int dimension in shape)
        {
            // Clamped just past the array limit, so the product cannot overflow and still fails the check below.
            count = Math.Min(count * dimension, (long)Array.MaxLength + 1);
        }

        long dataBytes = count * itemSize;
        string declared = $"its dimensions {NpyArray.FormatShape(shape)} need {dataBytes} bytes of data";
        if (dataBytes > Array.MaxLength)
        {
            throw new DataFormatException($"The file '{path}' is too large to load: {declared}, more than a .NET array can hold ({Array.MaxLength}).", path);
        }

        long headerBytes = 4 + (4L * rank);
        if (length is long total && total - headerBytes != dataBytes)
        {
            long actual = total - headerBytes;
            throw new DataFormatException(
                actual < dataBytes
                    ? $"The file '{path}' is truncated: {declared}, but only {actual} follow the header. Download the file again."
                    : $"The file '{path}' is corrupt: {declared}, but {actual} follow the header. Download the file again.",
                path);
        }

        byte[] data = StreamReading.ReadExactly(
            stream,
            (int)dataBytes,
            lengthVerified: length is not null,
            received => new DataFormatException($"The file '{path}' is truncated: {declared}, but the decompressed data ends after {received}. Download the file again.", path));
        if (length is null && StreamReading.HasMoreData(stream))
        {
            throw new DataFormatException($"The file '{path}' is corrupt: {declared}, but more data follows. Download the file again.", path);
        }

        if (itemSize > 1)
        {
            Npy.ReverseEndianness(data, itemSize);
        }

        return new NpyArray(dtype.Value, shape, data, path);
    }
}
