using System.IO.Compression;

namespace Nerva.Data;

/// <summary>
/// Writes a NumPy <c>.npz</c> archive one array at a time. Each array becomes the member <c>name.npy</c>, which
/// numpy.load returns under <c>name</c>. The archive is written to a temporary file and only replaces the target
/// when <see cref="Commit"/> succeeds; disposing the writer without a commit deletes the temporary file and
/// leaves an existing target unchanged.
/// </summary>
/// <example>
/// <code>
/// using var writer = new NpzWriter("weights.npz", NpzCompression.None);
/// writer.Write("W1", w1);
/// writer.Write("b1", b1);
/// writer.Commit();
/// </code>
/// </example>
public sealed class NpzWriter : IDisposable
{
    private readonly AtomicFile _file;
    private readonly ZipArchive _archive;
    private readonly CompressionLevel _level;
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);
    private bool _finished;

    /// <summary>Starts an archive that will replace <paramref name="path"/>.</summary>
    /// <exception cref="DirectoryNotFoundException">The folder of <paramref name="path"/> does not exist.</exception>
    public NpzWriter(string path, NpzCompression compression)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        _level = compression switch
        {
            NpzCompression.None => CompressionLevel.NoCompression,
            NpzCompression.Deflate => CompressionLevel.Optimal,
            _ => throw new ArgumentOutOfRangeException(nameof(compression), compression, "Use NpzCompression.None or NpzCompression.Deflate."),
        };
        _file = AtomicFile.Create(path);
        try
        {
            _archive = new ZipArchive(_file.Stream, ZipArchiveMode.Create, leaveOpen: true);
        }
        catch
        {
            _file.Dispose();
            throw;
        }
    }

    /// <summary>Adds <paramref name="array"/> as the member <c><paramref name="name"/>.npy</c>.</summary>
    /// <exception cref="ArgumentException">The name is empty or was written before.</exception>
    /// <exception cref="ObjectDisposedException">The writer was committed or disposed.</exception>
    public void Write(string name, NpyArray array)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(array);
        ObjectDisposedException.ThrowIf(_finished, this);
        if (!_names.Add(name))
        {
            throw new ArgumentException($"The archive already contains an array named '{name}'. Give each array a distinct name.", nameof(name));
        }

        ZipArchiveEntry entry = _archive.CreateEntry(name + ".npy", _level);
        using Stream stream = entry.Open();
        Npy.Write(stream, array);
    }

    /// <summary>Finishes the archive and renames it over the target path.</summary>
    /// <exception cref="ObjectDisposedException">The writer was committed or disposed.</exception>
    public void Commit()
    {
        ObjectDisposedException.ThrowIf(_finished, this);
        _finished = true;
        try
        {
            _archive.Dispose();
            _file.Commit();
        }
        finally
        {
            _file.Dispose();
        }
    }

    /// <summary>Discards the archive unless it was committed: the temporary file is deleted and the target left unchanged.</summary>
    public void Dispose()
    {
        if (_finished)
        {
            return;
        }

        _finished = true;
        try
        {
            _archive.Dispose();
        }
        finally
        {
            _file.Dispose();
        }
    }
}
