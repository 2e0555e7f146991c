using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Nerva.Interop.Tests.Data;

/// <summary>A new empty folder under the system temp folder, deleted on dispose.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = Directory.CreateTempSubdirectory("nerva-data-tests-").FullName;
    }

    public string Path { get; }

    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    /// <summary>Writes <paramref name="bytes"/> to the file <paramref name="name"/> in this folder and returns its path.</summary>
    public string Write(string name, byte[] bytes)
    {
        string path = Combine(name);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>Returns the names of all files in the folder, hidden ones included.</summary>
    public string[] FileNames() => Directory.GetFiles(Path).Select(System.IO.Path.GetFileName).Order(StringComparer.Ordinal).ToArray()!;

    public void Dispose() => Directory.Delete(Path, recursive: true);
}

/// <summary>Builds file contents by hand, independently of the code under test.</summary>
internal static class Fixtures
{
    /// <summary>Returns an .npy file: magic, version, header length, the header text padded to 64 bytes with '\n', then <paramref name="data"/>.</summary>
    public static byte[] Npy(string dictionary, byte[] data, byte major = 1)
    {
        int lengthSize = major == 1 ? 2 : 4;
        byte[] text = (major == 3 ? Encoding.UTF8 : Encoding.Latin1).GetBytes(dictionary);
        int unpadded = 8 + lengthSize + text.Length + 1;
        int padding = (64 - (unpadded % 64)) % 64;
        var header = new List<byte> { 0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', major, 0 };
        int headerLength = text.Length + padding + 1;
        header.AddRange(major == 1 ? BitConverter.GetBytes((ushort)headerLength) : BitConverter.GetBytes((uint)headerLength));
        header.AddRange(text);
        header.AddRange(Enumerable.Repeat((byte)' ', padding));
        header.Add((byte)'\n');
        return [.. header, .. data];
    }

    /// <summary>Returns the header dictionary that numpy writes, without padding.</summary>
    public static string Dictionary(string descr, bool fortranOrder, string shape) =>
        $"{{'descr': '{descr}', 'fortran_order': {(fortranOrder ? "True" : "False")}, 'shape': {shape}, }}";

    /// <summary>Returns an IDX file with the given type code, big-endian dimensions and element bytes (already big-endian).</summary>
    public static byte[] Idx(byte typeCode, int[] shape, byte[] data)
    {
        var bytes = new byte[4 + (4 * shape.Length) + data.Length];
        bytes[2] = typeCode;
        bytes[3] = (byte)shape.Length;
        for (int k = 0; k < shape.Length; k++)
        {
            BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(4 + (4 * k)), shape[k]);
        }

        data.CopyTo(bytes, 4 + (4 * shape.Length));
        return bytes;
    }

    /// <summary>Returns an MNIST-style image file of <paramref name="count"/> images of rows x columns pixels, pixel value (image * 7 + offset) mod 256.</summary>
    public static byte[] IdxImages(int count, int rows, int columns) =>
        Idx(0x08, [count, rows, columns], Enumerable.Range(0, count * rows * columns).Select(i => (byte)((i * 7) % 256)).ToArray());

    /// <summary>Returns an MNIST-style label file.</summary>
    public static byte[] IdxLabels(params byte[] labels) => Idx(0x08, [labels.Length], labels);

    public static byte[] Gzip(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal))
        {
            gzip.Write(bytes);
        }

        return output.ToArray();
    }

    /// <summary>Returns CIFAR-10 records: label i % 10 and pixel j of record i equal to (i + j) mod 256, offset by <paramref name="first"/>.</summary>
    public static byte[] CifarBatch(int first, int count)
    {
        var bytes = new byte[count * 3073];
        for (int i = 0; i < count; i++)
        {
            bytes[i * 3073] = (byte)((first + i) % 10);
            for (int j = 0; j < 3072; j++)
            {
                bytes[(i * 3073) + 1 + j] = (byte)((first + i + j) % 256);
            }
        }

        return bytes;
    }
}
