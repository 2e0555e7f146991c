using System.Buffers.Binary;
using System.Text;

namespace Nerva.Data;

/// <summary>
/// The header of an <c>.npy</c> file: the magic string, the format version, the header length and a Python
/// dictionary literal with the keys 'descr', 'fortran_order' and 'shape'.
/// </summary>
/// <remarks>
/// In NumPy format versions 1.0, 2.0 and 3.0 a file starts with the bytes 0x93 "NUMPY", a major and a minor
/// version byte, and the header length as a little-endian uint16 (version 1) or uint32 (versions 2 and 3).
/// The header text follows, padded with spaces and ended by '\n' so that the data starts at a multiple of
/// 64 bytes. Versions 1 and 2 encode the text in Latin-1, version 3 in UTF-8.
/// </remarks>
internal sealed record NpyHeader(string Description, bool FortranOrder, int[] Shape)
{
    /// <summary>The alignment of the data start that numpy.save guarantees.</summary>
    internal const int Alignment = 64;

    /// <summary>The longest header text the reader accepts; real headers are about a hundred bytes.</summary>
    internal const int MaxHeaderLength = 1 << 20;

    /// <summary>
    /// The number of digits NumPy reserves for the first dimension, so that a writer can grow that dimension
    /// in place. NumPy 1.24 and later pad the dictionary with 21 minus the length of that number in spaces.
    /// </summary>
    private const int GrowthAxisMaxDigits = 21;

    private static ReadOnlySpan<byte> Magic => [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];

    /// <summary>
    /// Returns the complete header, from the magic string to the final '\n', byte for byte as numpy.save writes
    /// it for a C-order array: format version 1.0, or 2.0 when the header does not fit a 16-bit length.
    /// </summary>
    internal static byte[] Format(NpyDType dtype, ReadOnlySpan<int> shape)
    {
        var text = new StringBuilder();
        text.Append("{'descr': '").Append(NpyDTypes.Description(dtype)).Append("', 'fortran_order': False, 'shape': ")
            .Append(NpyArray.FormatShape(shape)).Append(", }");
        if (shape.Length > 0)
        {
            text.Append(' ', Math.Max(0, GrowthAxisMaxDigits - shape[0].ToString(System.Globalization.CultureInfo.InvariantCulture).Length));
        }

        byte[] dictionary = Encoding.Latin1.GetBytes(text.ToString());
        byte[]? header = Wrap(dictionary, major: 1);
        return header ?? Wrap(dictionary, major: 2)!;
    }

    /// <summary>Pads the dictionary and prefixes the preamble; returns null when the length does not fit version 1's uint16.</summary>
    private static byte[]? Wrap(byte[] dictionary, byte major)
    {
        int preamble = Magic.Length + 2 + (major == 1 ? 2 : 4);
        int textLength = dictionary.Length + 1;

        // NumPy adds a full 64 spaces, not none, when the text already ends on a boundary.
        int padding = Alignment - ((preamble + textLength) % Alignment);
        int headerLength = textLength + padding;
        if (major == 1 && headerLength > ushort.MaxValue)
        {
            return null;
        }

        var header = new byte[preamble + headerLength];
        Magic.CopyTo(header);
        header[6] = major;
        header[7] = 0;
        if (major == 1)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(8), (ushort)headerLength);
        }
        else
        {
            BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(8), (uint)headerLength);
        }

        dictionary.CopyTo(header, preamble);
        header.AsSpan(preamble + dictionary.Length, padding).Fill((byte)' ');
        header[^1] = (byte)'\n';
        return header;
    }

    /// <summary>Reads and parses the header, leaving <paramref name="stream"/> at the first data byte.</summary>
    /// <param name="stream">The stream, positioned at the magic string.</param>
    /// <param name="source">The file name used in error messages.</param>
    /// <param name="headerBytes">The total number of header bytes read, preamble included.</param>
    /// <exception cref="DataFormatException">The header is missing, truncated or does not parse.</exception>
    internal static NpyHeader Read(Stream stream, string source, out int headerBytes)
    {
        Span<byte> preamble = stackalloc byte[12];
        int read = stream.ReadAtLeast(preamble[..10], 10, throwOnEndOfStream: false);
        if (read < 8 || !preamble[..6].SequenceEqual(Magic))
        {
            throw new DataFormatException(
                $"The file '{source}' is not a NumPy .npy file: it starts with {Convert.ToHexString(preamble[..Math.Min(read, 6)])} instead of 934E554D5059 (\"\\x93NUMPY\"). Save the array with numpy.save.",
                source);
        }

        byte major = preamble[6];
        byte minor = preamble[7];
        if (major is < 1 or > 3)
        {
            throw new DataFormatException(
                $"The file '{source}' uses .npy format version {major}.{minor}; only versions 1.0, 2.0 and 3.0 are supported. Save it again with numpy.save.",
                source);
        }

        int lengthSize = major == 1 ? 2 : 4;
        headerBytes = 8 + lengthSize;
        if (lengthSize == 4)
        {
            read += stream.ReadAtLeast(preamble[10..12], 2, throwOnEndOfStream: false);
        }

        if (read < headerBytes)
        {
            throw Truncated(source, "its header length");
        }

        long length = major == 1
            ? BinaryPrimitives.ReadUInt16LittleEndian(preamble[8..])
            : BinaryPrimitives.ReadUInt32LittleEndian(preamble[8..]);
        if (length > MaxHeaderLength)
        {
            throw new DataFormatException(
                $"The file '{source}' declares a header of {length} bytes, more than the {MaxHeaderLength} this reader accepts, so the file is probably corrupt. Save the array again with numpy.save.",
                source);
        }

        var textBytes = new byte[length];
        if (stream.ReadAtLeast(textBytes, textBytes.Length, throwOnEndOfStream: false) < textBytes.Length)
        {
            throw Truncated(source, $"its {length}-byte header");
        }

        headerBytes += (int)length;
        string text = (major == 3 ? Encoding.UTF8 : Encoding.Latin1).GetString(textBytes);
        return Parse(text, source);
    }

    /// <summary>Parses the header text, the Python dictionary literal after the preamble.</summary>
    /// <exception cref="DataFormatException">The text does not parse or lacks a key.</exception>
    internal static NpyHeader Parse(string text, string source)
    {
        Dictionary<string, object?> dictionary;
        try
        {
            dictionary = PythonLiteralParser.ParseDictionary(text);
        }
        catch (FormatException exception)
        {
            throw Invalid(source, text, exception.Message, exception);
        }

        if (!dictionary.TryGetValue("descr", out object? descr) || !dictionary.TryGetValue("fortran_order", out object? fortranOrder) || !dictionary.TryGetValue("shape", out object? shape))
        {
            throw Invalid(source, text, "it must contain the keys 'descr', 'fortran_order' and 'shape'", null);
        }

        if (descr is not string description)
        {
            throw new DataFormatException(
                $"The file '{source}' contains a structured array (descr {Truncate(text)}); only plain numeric arrays are supported. Save each field as its own array.",
                source);
        }

        if (fortranOrder is not bool isFortranOrder)
        {
            throw Invalid(source, text, "'fortran_order' must be True or False", null);
        }

        if (shape is not PythonTuple tuple)
        {
            throw Invalid(source, text, "'shape' must be a tuple", null);
        }

        var dimensions = new int[tuple.Items.Count];
        for (int i = 0; i < dimensions.Length; i++)
        {
            if (tuple.Items[i] is not long dimension || dimension < 0 || dimension > Array.MaxLength)
            {
                throw Invalid(source, text, $"dimension {i} of 'shape' must be an integer from 0 to {Array.MaxLength}", null);
            }

            dimensions[i] = (int)dimension;
        }

        return new NpyHeader(description, isFortranOrder, dimensions);
    }

    private static DataFormatException Invalid(string source, string text, string problem, Exception? inner) => new(
        $"The file '{source}' has an invalid .npy header {Truncate(text)}: {problem}. The file is corrupt or was not written by numpy.save.",
        source,
        inner);

    private static DataFormatException Truncated(string source, string part) => new(
        $"The file '{source}' is truncated: it ends inside {part}. Copy or save the file again.",
        source);

    private static string Truncate(string text)
    {
        string trimmed = text.Trim();
        return trimmed.Length <= 200 ? $"\"{trimmed}\"" : $"\"{trimmed[..200]}...\"";
    }
}
