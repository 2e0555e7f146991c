using System.Buffers.Binary;
using System.IO.Compression;
using Nerva.Data;

namespace Nerva.Interop.Tests.Data;

public class NpzTests
{
    private static Dictionary<string, NpyArray> NonSquareArrays() => new()
    {
        ["W1"] = NpyArray.Create<float>([.. Enumerable.Range(0, 15).Select(i => i * 0.5f)], 5, 3),
        ["b1"] = NpyArray.Create<float>([1, 2, 3, 4, 5], 5),
        ["W2"] = NpyArray.Create<double>([.. Enumerable.Range(0, 10).Select(i => -i / 3.0)], 2, 5),
        ["labels"] = NpyArray.Create<long>([3, 1, 4, 1], 4),
    };

    [Theory]
    [InlineData(NpzCompression.None, 0)]
    [InlineData(NpzCompression.Deflate, 8)]
    public void SaveAndLoad_NonSquareMatrices_RoundTrip(NpzCompression compression, int zipMethod)
    {
        using var folder = new TempFolder();
        string path = folder.Combine("weights.npz");
        Dictionary<string, NpyArray> arrays = NonSquareArrays();

        Npz.Save(path, arrays, compression);
        IReadOnlyDictionary<string, NpyArray> read = Npz.Load(path);

        Assert.Equal(["W1", "b1", "W2", "labels"], read.Keys);
        foreach ((string name, NpyArray array) in arrays)
        {
            Assert.Equal(array.DType, read[name].DType);
            Assert.Equal(array.Shape, read[name].Shape);
            Assert.Equal(array.Data.ToArray(), read[name].Data.ToArray());
        }

        using ZipArchive archive = ZipFile.OpenRead(path);
        Assert.Equal(["W1.npy", "b1.npy", "W2.npy", "labels.npy"], archive.Entries.Select(entry => entry.FullName));
        Assert.All(LocalHeaderMethods(path), method => Assert.Equal(zipMethod, method));
    }

    [Fact]
    public void Save_MemberBytes_EqualNpyFile()
    {
        using var folder = new TempFolder();
        string npzPath = folder.Combine("a.npz");
        string npyPath = folder.Combine("a.npy");
        NpyArray array = NpyArray.Create<float>([1, 2, 3, 4, 5, 6], 2, 3);

        Npz.Save(npzPath, new Dictionary<string, NpyArray> { ["Xtrain"] = array });
        Npy.Save(npyPath, array);

        using ZipArchive archive = ZipFile.OpenRead(npzPath);
        using var member = new MemoryStream();
        using (Stream stream = archive.GetEntry("Xtrain.npy")!.Open())
        {
            stream.CopyTo(member);
        }

        Assert.Equal(File.ReadAllBytes(npyPath), member.ToArray());
    }

    [Fact]
    public void Load_MixedStoredAndDeflatedMembers_ReadsBoth()
    {
        using var folder = new TempFolder();
        string path = folder.Combine("mixed.npz");
        using (ZipArchive archive = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            WriteMember(archive, "stored.npy", NpyArray.Create<int>([1, 2, 3], 3), CompressionLevel.NoCompression);
            WriteMember(archive, "deflated.npy", NpyArray.Create<double>([.. Enumerable.Repeat(0.25, 1000)], 10, 100), CompressionLevel.SmallestSize);
            using StreamWriter note = new(archive.CreateEntry("README.txt").Open());
            note.Write("not an array");
        }

        IReadOnlyDictionary<string, NpyArray> arrays = Npz.Load(path);

        Assert.Equal([0, 8], LocalHeaderMethods(path).Take(2));
        Assert.Equal(["stored", "deflated"], arrays.Keys);
        Assert.Equal([1, 2, 3], arrays["stored"].ToArray<int>());
        Assert.Equal([10, 100], arrays["deflated"].Shape);
        Assert.All(arrays["deflated"].ToDoubleArray(), value => Assert.Equal(0.25, value));
    }

    [Fact]
    public void SaveAndLoad_NoArrays_RoundTrips()
    {
        using var folder = new TempFolder();
        string path = folder.Combine("empty.npz");

        Npz.Save(path, new Dictionary<string, NpyArray>());

        Assert.Empty(Npz.Load(path));
    }

    [Fact]
    public void Load_MissingFile_ThrowsNotFound()
    {
        using var folder = new TempFolder();

        var exception = Assert.Throws<DataSetNotFoundException>(() => Npz.Load(folder.Combine("none.npz")));

        Assert.Contains("none.npz' does not exist", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new byte[0])]
    [InlineData(new byte[] { (byte)'h', (byte)'e', (byte)'l', (byte)'l', (byte)'o' })]
    public void Load_NotAZip_Throws(byte[] content)
    {
        using var folder = new TempFolder();
        string path = folder.Write("text.npz", content);

        var exception = Assert.Throws<DataFormatException>(() => Npz.Load(path));

        Assert.Equal(path, exception.FilePath);
        Assert.Contains("is not a valid .npz file", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_TruncatedArchive_Throws()
    {
        using var folder = new TempFolder();
        string path = folder.Combine("cut.npz");
        Npz.Save(path, NonSquareArrays());
        byte[] bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);

        var exception = Assert.Throws<DataFormatException>(() => Npz.Load(path));

        Assert.Contains(path, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_CorruptMember_NamesMember()
    {
        using var folder = new TempFolder();
        string path = folder.Combine("bad.npz");
        using (ZipArchive archive = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            WriteMember(archive, "good.npy", NpyArray.Create<int>([1], 1), CompressionLevel.NoCompression);
            using Stream stream = archive.CreateEntry("bad.npy").Open();
            stream.Write("not an npy file"u8);
        }

        var exception = Assert.Throws<DataFormatException>(() => Npz.Load(path));

        Assert.Equal($"{path}/bad.npy", exception.FilePath);
        Assert.Contains($"'{path}/bad.npy' is not a NumPy .npy file", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_DamagedDeflateData_Throws()
    {
        using var folder = new TempFolder();
        string path = folder.Combine("damaged.npz");
        Npz.Save(path, new Dictionary<string, NpyArray> { ["x"] = NpyArray.Create<double>([.. Enumerable.Range(0, 5000).Select(i => Math.Sin(i))], 5000) }, NpzCompression.Deflate);
        byte[] bytes = File.ReadAllBytes(path);

        // Overwrite compressed bytes in the middle of the member; the zip directory at the end stays valid.
        bytes.AsSpan(200, 400).Fill(0xFF);
        File.WriteAllBytes(path, bytes);

        var exception = Assert.Throws<DataFormatException>(() => Npz.Load(path));

        Assert.Contains("x.npy", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Save_DuplicateOrEmptyName_Throws()
    {
        using var folder = new TempFolder();
        using var writer = new NpzWriter(folder.Combine("a.npz"), NpzCompression.None);
        writer.Write("a", NpyArray.Create<int>([1], 1));

        Assert.Throws<ArgumentException>(() => writer.Write("a", NpyArray.Create<int>([2], 1)));
        Assert.Throws<ArgumentException>(() => writer.Write(string.Empty, NpyArray.Create<int>([2], 1)));
    }

    private static void WriteMember(ZipArchive archive, string name, NpyArray array, CompressionLevel level)
    {
        using Stream stream = archive.CreateEntry(name, level).Open();
        Npy.Write(stream, array);
    }

    /// <summary>Returns the compression method (0 stored, 8 deflate) of each local file header, read from the raw zip bytes.</summary>
    private static List<int> LocalHeaderMethods(string path)
    {
        byte[] bytes = File.ReadAllBytes(path);
        var methods = new List<int>();
        using ZipArchive archive = ZipFile.OpenRead(path);
        int offset = 0;
        foreach (ZipArchiveEntry entry in archive.Entries)
        {
            Assert.Equal(0x04034b50u, BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(offset)));
            methods.Add(BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(offset + 8)));
            int nameLength = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(offset + 26));
            int extraLength = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(offset + 28));
            offset += 30 + nameLength + extraLength + (int)entry.CompressedLength;
        }

        return methods;
    }
}
