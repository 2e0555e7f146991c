using System.Buffers.Binary;
using Nerva.Data;

namespace Nerva.Interop.Tests.Data;

public class IdxTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Load_Images_ReturnsShapeAndPixels(bool gzip)
    {
        using var folder = new TempFolder();
        byte[] file = Fixtures.IdxImages(3, 4, 5);
        string path = folder.Write(gzip ? "images.gz" : "images", gzip ? Fixtures.Gzip(file) : file);

        NpyArray images = Idx.Load(path);

        Assert.Equal(NpyDType.UInt8, images.DType);
        Assert.Equal([3, 4, 5], images.Shape);
        Assert.Equal(file[16..], images.ToArray<byte>());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Load_Labels_ReturnsVector(bool gzip)
    {
        using var folder = new TempFolder();
        byte[] file = Fixtures.IdxLabels(9, 0, 0, 3);
        string path = folder.Write("labels", gzip ? Fixtures.Gzip(file) : file);

        NpyArray labels = Idx.Load(path);

        Assert.Equal(Idx.LabelsMagic, BinaryPrimitives.ReadInt32BigEndian(file));
        Assert.Equal([4], labels.Shape);
        Assert.Equal([9L, 0, 0, 3], labels.ToInt64Array());
    }

    [Fact]
    public void Load_BigEndianTypes_ConvertsToNative()
    {
        using var folder = new TempFolder();
        byte[] shorts = [0xFF, 0xFE, 0x01, 0x00];
        byte[] ints = [0x00, 0x01, 0x00, 0x00, 0xFF, 0xFF, 0xFF, 0xFF];
        byte[] floats = [0x3F, 0xC0, 0x00, 0x00];
        byte[] doubles = [0xC0, 0x04, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00];

        NpyArray int16 = Idx.Load(folder.Write("s", Fixtures.Idx(0x0B, [2], shorts)));
        NpyArray int32 = Idx.Load(folder.Write("i", Fixtures.Idx(0x0C, [2, 1], ints)));
        NpyArray float32 = Idx.Load(folder.Write("f", Fixtures.Idx(0x0D, [1], floats)));
        NpyArray float64 = Idx.Load(folder.Write("d", Fixtures.Idx(0x0E, [1], doubles)));
        NpyArray int8 = Idx.Load(folder.Write("b", Fixtures.Idx(0x09, [2], [0xFF, 0x7F])));

        Assert.Equal(new short[] { -2, 256 }, int16.ToArray<short>());
        Assert.Equal([65536, -1], int32.ToArray<int>());
        Assert.Equal([1.5f], float32.ToArray<float>());
        Assert.Equal([-2.5], float64.ToArray<double>());
        Assert.Equal(new sbyte[] { -1, 127 }, int8.ToArray<sbyte>());
    }

    [Theory]
    [InlineData(new byte[] { 0x00, 0x00, 0x08, 0x03 }, false)]
    [InlineData(new byte[] { 0x12, 0x34, 0x08, 0x03 }, true)]
    [InlineData(new byte[] { 0x00, 0x00, 0x07, 0x03 }, true)]
    [InlineData(new byte[] { 0x00, 0x00, 0x08, 0x00 }, true)]
    public void Load_Magic_IsChecked(byte[] magic, bool rejected)
    {
        using var folder = new TempFolder();
        byte[] file = Fixtures.IdxImages(1, 2, 2);
        magic.CopyTo(file, 0);
        string path = folder.Write("images", file);

        if (!rejected)
        {
            Assert.Equal([1, 2, 2], Idx.Load(path).Shape);
            return;
        }

        var exception = Assert.Throws<DataFormatException>(() => Idx.Load(path));
        Assert.Contains($"the magic number 0x{BinaryPrimitives.ReadInt32BigEndian(magic):X8}", exception.Message, StringComparison.Ordinal);
        Assert.Contains("0x00000803 (images)", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Load_TruncatedData_Throws(bool gzip)
    {
        using var folder = new TempFolder();
        byte[] file = Fixtures.IdxImages(3, 4, 5)[..^7];
        string path = folder.Write("images", gzip ? Fixtures.Gzip(file) : file);

        var exception = Assert.Throws<DataFormatException>(() => Idx.Load(path));

        Assert.Contains("is truncated: its dimensions (3, 4, 5) need 60 bytes of data", exception.Message, StringComparison.Ordinal);
        Assert.Contains("53", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(10)]
    public void Load_TruncatedHeader_Throws(int length)
    {
        using var folder = new TempFolder();
        string path = folder.Write("images", Fixtures.IdxImages(3, 4, 5)[..length]);

        var exception = Assert.Throws<DataFormatException>(() => Idx.Load(path));

        Assert.Equal(path, exception.FilePath);
    }

    [Fact]
    public void Load_CutGzipStream_Throws()
    {
        using var folder = new TempFolder();
        byte[] compressed = Fixtures.Gzip(Fixtures.IdxImages(50, 28, 28));
        string path = folder.Write("images.gz", compressed[..(compressed.Length / 2)]);

        var exception = Assert.Throws<DataFormatException>(() => Idx.Load(path));

        Assert.Contains(path, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_CorruptGzipStream_Throws()
    {
        using var folder = new TempFolder();
        byte[] compressed = Fixtures.Gzip(Fixtures.IdxImages(50, 28, 28));
        compressed.AsSpan(20, 40).Fill(0xFF);
        string path = folder.Write("images.gz", compressed);

        var exception = Assert.Throws<DataFormatException>(() => Idx.Load(path));

        Assert.Contains(path, exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Load_ExtraData_Throws(bool gzip)
    {
        using var folder = new TempFolder();
        byte[] file = [.. Fixtures.IdxLabels(1, 2, 3), 4];
        string path = folder.Write("labels", gzip ? Fixtures.Gzip(file) : file);

        var exception = Assert.Throws<DataFormatException>(() => Idx.Load(path));

        Assert.Contains("is corrupt: its dimensions (3,) need 3 bytes of data", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_NegativeDimension_Throws()
    {
        using var folder = new TempFolder();
        byte[] file = Fixtures.IdxLabels(1, 2, 3);
        BinaryPrimitives.WriteInt32BigEndian(file.AsSpan(4), -3);
        string path = folder.Write("labels", file);

        var exception = Assert.Throws<DataFormatException>(() => Idx.Load(path));

        Assert.Contains("dimension 0 as -3", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_HugeDimensionsInGzip_ThrowsWithoutHang()
    {
        using var folder = new TempFolder();
        byte[] file = Fixtures.Idx(0x08, [60000, 28, 28], new byte[100]);
        string path = folder.Write("images.gz", Fixtures.Gzip(file));

        var exception = Assert.Throws<DataFormatException>(() => Idx.Load(path));

        Assert.Contains("need 47040000 bytes of data, but the decompressed data ends after 100", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingFile_ThrowsNotFound()
    {
        using var folder = new TempFolder();

        Assert.Throws<DataSetNotFoundException>(() => Idx.Load(folder.Combine("train-images-idx3-ubyte")));
    }
}
