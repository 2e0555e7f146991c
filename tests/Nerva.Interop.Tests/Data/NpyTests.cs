using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;
using Nerva.Data;

namespace Nerva.Interop.Tests.Data;

public class NpyTests
{
    [Fact]
    public void Save_Float32Matrix_WritesNumPyHeaderBytes()
    {
        using var folder = new TempFolder();
        string path = folder.Combine("a.npy");
        float[] values = [1, 2, 3, 4, 5, 6];

        Npy.Save(path, NpyArray.Create<float>(values, 2, 3));

        // numpy.save(np.zeros((2, 3), np.float32)) writes this 128-byte header: the 10-byte preamble, the dictionary,
        // 21 - len("2") spaces reserved for growing the first dimension, padding to 64 bytes and '\n'.
        string dictionary = "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }";
        byte[] expectedHeader =
        [
            0x93, .. "NUMPY"u8, 0x01, 0x00, 118, 0x00,
            .. Encoding.ASCII.GetBytes(dictionary + new string(' ', 117 - dictionary.Length) + "\n"),
        ];
        byte[] bytes = File.ReadAllBytes(path);
        Assert.Equal(128 + 24, bytes.Length);
        Assert.Equal(expectedHeader, bytes[..128]);
        Assert.Equal(MemoryMarshal.AsBytes<float>(values).ToArray(), bytes[128..]);
    }

    [Theory]
    [InlineData(new int[0], "()", "<f8", 128)]
    [InlineData(new[] { 5 }, "(5,)", "<f8", 128)]
    [InlineData(new[] { 60000, 784 }, "(60000, 784)", "<f8", 128)]
    [InlineData(new[] { 0, 1000000000, 1000000000, 1000000000, 100 }, "(0, 1000000000, 1000000000, 1000000000, 100)", "<f8", 192)]
    public void Header_MatchesNumPyPaddingRule(int[] shape, string shapeText, string descr, int expectedLength)
    {
        byte[] header = NpyHeader.Format(NpyDType.Float64, shape);

        // The dictionary, then 21 - len(str(shape[0])) spaces for non-scalars, then padding so that the data
        // starts at a multiple of 64; NumPy pads a full 64 bytes when the text already ends on a boundary.
        string dictionary = Fixtures.Dictionary(descr, false, shapeText);
        int growth = shape.Length == 0 ? 0 : 21 - shape[0].ToString(System.Globalization.CultureInfo.InvariantCulture).Length;
        int padding = 64 - ((10 + dictionary.Length + growth + 1) % 64);
        Assert.Equal(expectedLength, header.Length);
        Assert.Equal(10 + dictionary.Length + growth + padding + 1, header.Length);
        Assert.Equal(header.Length - 10, BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(8)));
        Assert.Equal(dictionary + new string(' ', growth + padding) + "\n", Encoding.ASCII.GetString(header, 10, header.Length - 10));
    }

    [Fact]
    public void Save_HeaderOver64KiB_UsesVersion2()
    {
        using var folder = new TempFolder();
        string path = folder.Combine("wide.npy");
        int[] shape = Enumerable.Repeat(1, 25_000).ToArray();

        Npy.Save(path, NpyArray.Create<double>([2.5], shape));

        byte[] bytes = File.ReadAllBytes(path);
        Assert.Equal(2, bytes[6]);
        Assert.Equal(0, (12 + BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(8))) % 64);
        NpyArray read = Npy.Load(path);
        Assert.Equal(25_000, read.Rank);
        Assert.Equal([2.5], read.ToArray<double>());
    }

    public static TheoryData<string, Func<NpyArray>> EveryDType() => new()
    {
        { "|b1", () => NpyArray.Create<bool>([true, false, false, true, true, false], 2, 3) },
        { "|i1", () => NpyArray.Create<sbyte>([sbyte.MinValue, -1, 0, 1, 2, sbyte.MaxValue], 2, 3) },
        { "|u1", () => NpyArray.Create<byte>([0, 1, 2, 127, 128, 255], 2, 3) },
        { "<i2", () => NpyArray.Create<short>([short.MinValue, -1, 0, 1, 300, short.MaxValue], 3, 2) },
        { "<u2", () => NpyArray.Create<ushort>([0, 1, 2, 256, 40000, ushort.MaxValue], 3, 2) },
        { "<i4", () => NpyArray.Create<int>([int.MinValue, -1, 0, 1, 70000, int.MaxValue], 1, 6) },
        { "<u4", () => NpyArray.Create<uint>([0, 1, 2, 70000, 3_000_000_000, uint.MaxValue], 6, 1) },
        { "<i8", () => NpyArray.Create<long>([long.MinValue, -1, 0, 1, 1L << 40, long.MaxValue], 2, 3) },
        { "<u8", () => NpyArray.Create<ulong>([0, 1, 2, 1UL << 40, 1UL << 63, ulong.MaxValue], 2, 3) },
        { "<f2", () => NpyArray.Create<Half>([(Half)(-1.5), (Half)0, (Half)0.25, Half.MaxValue, Half.Epsilon, Half.NegativeInfinity], 2, 3) },
        { "<f4", () => NpyArray.Create<float>([-1.5f, 0, 1e-30f, float.MaxValue, float.Epsilon, float.NaN], 2, 3) },
        { "<f8", () => NpyArray.Create<double>([-1.5, 0, 1e-300, double.MaxValue, double.Epsilon, Math.PI], 3, 2) },
    };

    [Theory]
    [MemberData(nameof(EveryDType))]
    public void SaveAndLoad_EveryDType_RoundTrips(string descr, Func<NpyArray> create)
    {
        using var folder = new TempFolder();
        string path = folder.Combine("a.npy");
        NpyArray array = create();

        Npy.Save(path, array);
        NpyArray read = Npy.Load(path);

        Assert.Contains($"'descr': '{descr}'", Encoding.Latin1.GetString(File.ReadAllBytes(path), 10, 60), StringComparison.Ordinal);
        Assert.Equal(array.DType, read.DType);
        Assert.Equal(array.Shape, read.Shape);
        Assert.Equal(array.Data.ToArray(), read.Data.ToArray());
    }

    [Theory]
    [InlineData("|b1", 1)]
    [InlineData("|i1", 1)]
    [InlineData("|u1", 1)]
    [InlineData("<i2", 2)]
    [InlineData("<u2", 2)]
    [InlineData("<i4", 4)]
    [InlineData("<u4", 4)]
    [InlineData("<i8", 8)]
    [InlineData("<u8", 8)]
    [InlineData("<f2", 2)]
    [InlineData("<f4", 4)]
    [InlineData("<f8", 8)]
    [InlineData(">i2", 2)]
    [InlineData(">u4", 4)]
    [InlineData(">i8", 8)]
    [InlineData(">f4", 4)]
    [InlineData(">f8", 8)]
    public void Load_FortranOrderFixture_ReturnsRowMajor(string descr, int itemSize)
    {
        using var folder = new TempFolder();

        // Element (i, j) of the 2 x 3 array is 3i + j (mod 2 for booleans); Fortran order stores column by column.
        int[] rowMajor = descr == "|b1" ? [0, 1, 0, 1, 0, 1] : [0, 1, 2, 3, 4, 5];
        int[] columnMajor = [rowMajor[0], rowMajor[3], rowMajor[1], rowMajor[4], rowMajor[2], rowMajor[5]];
        byte[] data = columnMajor.SelectMany(value => Encode(descr, itemSize, value)).ToArray();
        string path = folder.Write("f.npy", Fixtures.Npy(Fixtures.Dictionary(descr, true, "(2, 3)"), data));

        NpyArray array = Npy.Load(path);

        Assert.Equal([2, 3], array.Shape);
        Assert.Equal(rowMajor.Select(value => (double)value), array.ToDoubleArray());
        Assert.Equal(rowMajor.Select(value => (long)value), array.ToInt64Array());
        Assert.Equal(rowMajor.Select(value => (float)value), array.ToSingleArray());
    }

    [Fact]
    public void Load_FortranOrder3d_ReturnsRowMajor()
    {
        using var folder = new TempFolder();
        int[] shape = [2, 3, 4];

        // Value 100i + 10j + k at (i, j, k); Fortran order varies i fastest, then j, then k.
        var columnMajor = new List<double>();
        for (int k = 0; k < 4; k++)
        {
            for (int j = 0; j < 3; j++)
            {
                for (int i = 0; i < 2; i++)
                {
                    columnMajor.Add((100 * i) + (10 * j) + k);
                }
            }
        }

        byte[] data = MemoryMarshal.AsBytes<double>(columnMajor.ToArray()).ToArray();
        string path = folder.Write("f.npy", Fixtures.Npy(Fixtures.Dictionary("<f8", true, "(2, 3, 4)"), data));

        NpyArray array = Npy.Load(path);

        double[] expected = [.. from i in Enumerable.Range(0, 2) from j in Enumerable.Range(0, 3) from k in Enumerable.Range(0, 4) select (double)((100 * i) + (10 * j) + k)];
        Assert.Equal(shape, array.Shape);
        Assert.Equal(expected, array.ToDoubleArray());
    }

    [Theory]
    [InlineData((byte)2)]
    [InlineData((byte)3)]
    public void Load_Version2And3_ReadsHeader(byte major)
    {
        using var folder = new TempFolder();
        byte[] data = MemoryMarshal.AsBytes<int>([7, -8, 9]).ToArray();
        string path = folder.Write("v.npy", Fixtures.Npy(Fixtures.Dictionary("<i4", false, "(3,)"), data, major));

        NpyArray array = Npy.Load(path);

        Assert.Equal(NpyDType.Int32, array.DType);
        Assert.Equal([7, -8, 9], array.ToArray<int>());
    }

    [Fact]
    public void Load_OldStyleHeader_Parses()
    {
        using var folder = new TempFolder();
        byte[] data = MemoryMarshal.AsBytes<long>([1, 2, 3, 4]).ToArray();
        string dictionary = "{\"shape\" : (2L, 2L) , \"fortran_order\":False,\"descr\":\"<i8\"}";
        string path = folder.Write("old.npy", Fixtures.Npy(dictionary, data));

        NpyArray array = Npy.Load(path);

        Assert.Equal([2, 2], array.Shape);
        Assert.Equal([1L, 2, 3, 4], array.ToInt64Array());
    }

    [Fact]
    public void SaveAndLoad_ScalarAndVector_RoundTrip()
    {
        using var folder = new TempFolder();
        string scalarPath = folder.Combine("s.npy");
        string vectorPath = folder.Combine("v.npy");
        string emptyPath = folder.Combine("e.npy");

        Npy.Save(scalarPath, NpyArray.Create<double>([4.25]));
        Npy.Save(vectorPath, NpyArray.Create<int>([3, 1, 2], 3));
        Npy.Save(emptyPath, NpyArray.Create<float>([], 0, 784));

        NpyArray scalar = Npy.Load(scalarPath);
        NpyArray vector = Npy.Load(vectorPath);
        NpyArray empty = Npy.Load(emptyPath);
        Assert.Equal(0, scalar.Rank);
        Assert.Equal("()", scalar.FormatShape());
        Assert.Equal([4.25], scalar.ToDoubleArray());
        Assert.Equal("(3,)", vector.FormatShape());
        Assert.Equal([3, 1, 2], vector.ToArray<int>());
        Assert.Equal([0, 784], empty.Shape);
        Assert.Empty(empty.ToSingleArray());
    }

    [Fact]
    public void Read_NonSeekableStream_StopsAtDeclaredData()
    {
        byte[] file = [.. Fixtures.Npy(Fixtures.Dictionary("<f4", false, "(2,)"), MemoryMarshal.AsBytes<float>([1.5f, 2.5f]).ToArray()), 0xAB, 0xCD];
        using var stream = new ForwardOnlyStream(file);

        NpyArray array = Npy.Read(stream, "stream");

        Assert.Equal([1.5f, 2.5f], array.ToSingleArray());
        Assert.Equal(0xAB, stream.ReadByte());
    }

    [Fact]
    public void Read_NonSeekableTruncatedStream_ThrowsTruncated()
    {
        byte[] file = Fixtures.Npy(Fixtures.Dictionary("<f8", false, "(100000000,)"), new byte[12]);
        using var stream = new ForwardOnlyStream(file);

        var exception = Assert.Throws<DataFormatException>(() => Npy.Read(stream, "piped.npy"));

        Assert.Contains("'piped.npy' is truncated", exception.Message, StringComparison.Ordinal);
        Assert.Contains("800000000 bytes of data, but only 12 follow", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToArray_WrongType_Throws()
    {
        NpyArray array = NpyArray.Create<float>([1f], 1);

        var exception = Assert.Throws<InvalidOperationException>(() => array.ToArray<double>());

        Assert.Contains("Float32", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToInt64Array_FractionAndOverflow_Throw()
    {
        NpyArray fraction = NpyArray.Create<double>([1, 2.5], 2);
        NpyArray huge = NpyArray.Create<ulong>([ulong.MaxValue], 1);
        NpyArray whole = NpyArray.Create<float>([0, 3, -2], 3);

        var fractionError = Assert.Throws<DataFormatException>(() => fraction.ToInt64Array());
        Assert.Throws<DataFormatException>(() => huge.ToInt64Array());
        Assert.Contains("2.5 at index 1", fractionError.Message, StringComparison.Ordinal);
        Assert.Equal([0L, 3, -2], whole.ToInt64Array());
    }

    [Fact]
    public void Create_WrongCount_Throws()
    {
        Assert.Throws<ArgumentException>(() => NpyArray.Create<float>([1f, 2f, 3f], 2, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => NpyArray.Create<float>([], -1));
    }

    [Fact]
    public void Create_TwoDimensionalArray_KeepsRowMajorOrder()
    {
        NpyArray array = NpyArray.Create(new double[,] { { 1, 2, 3 }, { 4, 5, 6 } });

        Assert.Equal([2, 3], array.Shape);
        Assert.Equal([1.0, 2, 3, 4, 5, 6], array.ToArray<double>());
    }

    private static byte[] Encode(string descr, int itemSize, int value)
    {
        byte[] bytes = descr[1..] switch
        {
            "b1" or "i1" or "u1" => [(byte)value],
            "i2" or "u2" => BitConverter.GetBytes((short)value),
            "i4" or "u4" => BitConverter.GetBytes(value),
            "i8" or "u8" => BitConverter.GetBytes((long)value),
            "f2" => BitConverter.GetBytes((Half)value),
            "f4" => BitConverter.GetBytes((float)value),
            "f8" => BitConverter.GetBytes((double)value),
            _ => throw new ArgumentException(descr),
        };
        Assert.Equal(itemSize, bytes.Length);
        if (descr[0] == '>')
        {
            Array.Reverse(bytes);
        }

        return bytes;
    }
}

/// <summary>A read-only stream that cannot seek or report its length, like a network or decompression stream.</summary>
internal sealed class ForwardOnlyStream(byte[] bytes) : Stream
{
    private readonly MemoryStream _inner = new(bytes);

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, Math.Min(count, 7));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
