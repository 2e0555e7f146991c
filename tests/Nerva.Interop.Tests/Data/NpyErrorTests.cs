using System.Runtime.InteropServices;
using Nerva.Data;

namespace Nerva.Interop.Tests.Data;

public class NpyErrorTests
{
    private static readonly byte[] SixFloats = MemoryMarshal.AsBytes<float>([1, 2, 3, 4, 5, 6]).ToArray();

    [Fact]
    public void Load_MissingFile_ThrowsNotFound()
    {
        using var folder = new TempFolder();
        string path = folder.Combine("missing.npy");

        var exception = Assert.Throws<DataSetNotFoundException>(() => Npy.Load(path));

        Assert.Equal(path, exception.FileName);
        Assert.Contains(path, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_EmptyFile_ThrowsNotNpy()
    {
        using var folder = new TempFolder();
        string path = folder.Write("empty.npy", []);

        var exception = Assert.Throws<DataFormatException>(() => Npy.Load(path));

        Assert.Equal(path, exception.FilePath);
        Assert.Contains("is not a NumPy .npy file", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_BadMagic_NamesBytes()
    {
        using var folder = new TempFolder();
        byte[] file = Fixtures.Npy(Fixtures.Dictionary("<f4", false, "(2, 3)"), SixFloats);
        file[1] = (byte)'X';
        string path = folder.Write("bad.npy", file);

        var exception = Assert.Throws<DataFormatException>(() => Npy.Load(path));

        Assert.Contains("starts with 9358554D5059", exception.Message, StringComparison.Ordinal);
        Assert.Contains(path, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnknownVersion_NamesVersion()
    {
        using var folder = new TempFolder();
        byte[] file = Fixtures.Npy(Fixtures.Dictionary("<f4", false, "(2, 3)"), SixFloats);
        file[6] = 4;
        string path = folder.Write("v4.npy", file);

        var exception = Assert.Throws<DataFormatException>(() => Npy.Load(path));

        Assert.Contains("version 4.0", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(5)]
    [InlineData(9)]
    [InlineData(40)]
    public void Load_TruncatedHeader_Throws(int length)
    {
        using var folder = new TempFolder();
        byte[] file = Fixtures.Npy(Fixtures.Dictionary("<f4", false, "(2, 3)"), SixFloats);
        string path = folder.Write("cut.npy", file[..length]);

        var exception = Assert.Throws<DataFormatException>(() => Npy.Load(path));

        Assert.Equal(path, exception.FilePath);
    }

    [Fact]
    public void Load_TruncatedData_NamesSizes()
    {
        using var folder = new TempFolder();
        byte[] file = Fixtures.Npy(Fixtures.Dictionary("<f4", false, "(2, 3)"), SixFloats);
        string path = folder.Write("cut.npy", file[..^4]);

        var exception = Assert.Throws<DataFormatException>(() => Npy.Load(path));

        Assert.Contains("is truncated: shape (2, 3) of <f4 needs 24 bytes of data, but only 20 follow the header", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_HugeShapeInSmallFile_ThrowsWithoutAllocating()
    {
        using var folder = new TempFolder();
        string path = folder.Write("huge.npy", Fixtures.Npy(Fixtures.Dictionary("<f8", false, "(200000000,)"), SixFloats));

        var exception = Assert.Throws<DataFormatException>(() => Npy.Load(path));

        Assert.Contains("1600000000 bytes of data, but only 24 follow", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ShapeBeyondArrayLimit_Throws()
    {
        using var folder = new TempFolder();
        string path = folder.Write("huge.npy", Fixtures.Npy(Fixtures.Dictionary("<f8", false, "(100000, 100000)"), SixFloats));

        var exception = Assert.Throws<DataFormatException>(() => Npy.Load(path));

        Assert.Contains("(100000, 100000)", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ExtraBytesAfterData_Throws()
    {
        using var folder = new TempFolder();
        string path = folder.Write("long.npy", Fixtures.Npy(Fixtures.Dictionary("<f4", false, "(2, 2)"), SixFloats));

        var exception = Assert.Throws<DataFormatException>(() => Npy.Load(path));

        Assert.Contains("needs 16 bytes of data, but 24 follow the header", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3)", "expected ',' or '}'")]
    [InlineData("{'descr': '<f4', 'fortran_order': False}", "must contain the keys")]
    [InlineData("{'descr': '<f4', 'fortran_order': 0, 'shape': (2, 3)}", "'fortran_order' must be True or False")]
    [InlineData("{'descr': '<f4', 'fortran_order': False, 'shape': [2, 3]}", "'shape' must be a tuple")]
    [InlineData("{'descr': '<f4', 'fortran_order': False, 'shape': (2, -3)}", "dimension 1 of 'shape'")]
    [InlineData("{'descr': '<f4', 'fortran_order': Maybe, 'shape': (2, 3)}", "unknown name 'Maybe'")]
    [InlineData("not a dictionary", "expected '{'")]
    [InlineData("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), } trailing", "unexpected text")]
    [InlineData("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), 'x': " + "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[" + "}", "nested more than 32 deep")]
    public void Load_InvalidHeader_NamesProblem(string dictionary, string problem)
    {
        using var folder = new TempFolder();
        string path = folder.Write("h.npy", Fixtures.Npy(dictionary, SixFloats));

        var exception = Assert.Throws<DataFormatException>(() => Npy.Load(path));

        Assert.Contains("invalid .npy header", exception.Message, StringComparison.Ordinal);
        Assert.Contains(problem, exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<c16")]
    [InlineData("<U5")]
    [InlineData("|O")]
    [InlineData("<M8[ns]")]
    public void Load_UnsupportedDType_NamesIt(string descr)
    {
        using var folder = new TempFolder();
        string path = folder.Write("c.npy", Fixtures.Npy(Fixtures.Dictionary(descr, false, "(3,)"), SixFloats));

        var exception = Assert.Throws<DataFormatException>(() => Npy.Load(path));

        Assert.Contains($"dtype '{descr}', which is not supported", exception.Message, StringComparison.Ordinal);
        Assert.Contains("astype('<f4')", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_StructuredDType_Throws()
    {
        using var folder = new TempFolder();
        string dictionary = "{'descr': [('x', '<f4'), ('y', '<f4')], 'fortran_order': False, 'shape': (3,), }";
        string path = folder.Write("s.npy", Fixtures.Npy(dictionary, SixFloats));

        var exception = Assert.Throws<DataFormatException>(() => Npy.Load(path));

        Assert.Contains("structured array", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_OversizedHeaderLength_Throws()
    {
        using var folder = new TempFolder();
        byte[] file = Fixtures.Npy(Fixtures.Dictionary("<f4", false, "(2, 3)"), SixFloats, major: 2);
        BitConverter.GetBytes(uint.MaxValue).CopyTo(file, 8);
        string path = folder.Write("h.npy", file);

        var exception = Assert.Throws<DataFormatException>(() => Npy.Load(path));

        Assert.Contains("declares a header of 4294967295 bytes", exception.Message, StringComparison.Ordinal);
    }
}
