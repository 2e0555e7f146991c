using Nerva.Data;

namespace Nerva.Interop.Tests.Data;

public class AtomicSaveTests
{
    [Fact]
    public void NpzSave_ExistingFile_IsReplacedWithoutTempFile()
    {
        using var folder = new TempFolder();
        string path = folder.Combine("data.npz");
        Npz.Save(path, new Dictionary<string, NpyArray> { ["old"] = NpyArray.Create<int>([1], 1) });

        Npz.Save(path, new Dictionary<string, NpyArray> { ["new"] = NpyArray.Create<int>([2], 1) });

        Assert.Equal(["new"], Npz.Load(path).Keys);
        Assert.Equal(["data.npz"], folder.FileNames());
    }

    [Fact]
    public void NpzWriter_NotCommitted_KeepsOldFileAndRemovesTemp()
    {
        using var folder = new TempFolder();
        string path = folder.Combine("weights.npz");
        Npz.Save(path, new Dictionary<string, NpyArray> { ["W1"] = NpyArray.Create<float>([1, 2], 1, 2) });
        byte[] before = File.ReadAllBytes(path);

        using (var writer = new NpzWriter(path, NpzCompression.Deflate))
        {
            writer.Write("W1", NpyArray.Create<float>([3, 4, 5], 1, 3));
            Assert.Equal(2, folder.FileNames().Length);
        }

        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.Equal(["weights.npz"], folder.FileNames());
    }

    [Fact]
    public void AtomicWrite_FailingWriter_KeepsOldFileAndRemovesTemp()
    {
        using var folder = new TempFolder();
        string path = folder.Write("a.npy", [1, 2, 3]);

        var exception = Assert.Throws<IOException>(() => AtomicFile.Write(path, stream =>
        {
            stream.Write(new byte[4096]);
            throw new IOException("disk full");
        }));

        Assert.Equal("disk full", exception.Message);
        Assert.Equal([1, 2, 3], File.ReadAllBytes(path));
        Assert.Equal(["a.npy"], folder.FileNames());
    }

    [Fact]
    public void NpySave_MissingFolder_ThrowsAndCreatesNothing()
    {
        using var folder = new TempFolder();
        string path = folder.Combine("no-such-folder", "a.npy");

        var exception = Assert.Throws<DirectoryNotFoundException>(() => Npy.Save(path, NpyArray.Create<int>([1], 1)));

        Assert.Contains("no-such-folder", exception.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(folder.Path));
    }

    [Fact]
    public void NpzWriter_AfterCommit_RejectsWrites()
    {
        using var folder = new TempFolder();
        string path = folder.Combine("a.npz");
        using var writer = new NpzWriter(path, NpzCompression.None);
        writer.Write("a", NpyArray.Create<int>([1], 1));
        writer.Commit();

        Assert.Throws<ObjectDisposedException>(() => writer.Write("b", NpyArray.Create<int>([1], 1)));
        Assert.Equal(["a"], Npz.Load(path).Keys);
    }
}
