namespace Nerva.Data;

/// <summary>
/// A file being replaced so that readers see either the old or the complete new content, never a partial file.
/// The content goes to a temporary file in the target's folder; <see cref="Commit"/> flushes it to disk and
/// renames it over the target, and <see cref="Dispose"/> without a commit deletes it and leaves the target unchanged.
/// </summary>
/// <remarks>The rename is atomic on one file system, which is guaranteed because the temporary file is in the same folder.</remarks>
internal sealed class AtomicFile : IDisposable
{
    private readonly FileStream _stream;
    private bool _finished;

    private AtomicFile(string path, string temporaryPath, FileStream stream)
    {
        Path = path;
        TemporaryPath = temporaryPath;
        _stream = stream;
    }

    /// <summary>The absolute path of the file to replace.</summary>
    internal string Path { get; }

    /// <summary>The absolute path of the temporary file.</summary>
    internal string TemporaryPath { get; }

    /// <summary>The stream of the temporary file.</summary>
    internal Stream Stream => _stream;

    /// <summary>Creates the temporary file for replacing <paramref name="path"/>.</summary>
    /// <exception cref="DirectoryNotFoundException">The folder of <paramref name="path"/> does not exist.</exception>
    internal static AtomicFile Create(string path)
    {
        string fullPath = System.IO.Path.GetFullPath(path);
        string folder = System.IO.Path.GetDirectoryName(fullPath)
            ?? throw new ArgumentException($"The path '{path}' is a root folder, not a file.", nameof(path));
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"Cannot save '{path}' because the folder '{folder}' does not exist. Create the folder first.");
        }

        string temporaryPath = TemporaryPathFor(folder, fullPath);
        var stream = new FileStream(temporaryPath, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None);
        return new AtomicFile(fullPath, temporaryPath, stream);
    }

    /// <summary>
    /// Checks that <see cref="Create"/> and <see cref="Commit"/> can replace <paramref name="path"/>: creates and
    /// deletes an empty temporary file with the name a save uses, and opens an existing target for writing
    /// without changing it.
    /// </summary>
    /// <remarks>
    /// NOTE: opening the target also rejects a read-only file that the rename could still replace. The check
    /// cannot distinguish it from an immutable file without file-system specific calls.
    /// </remarks>
    /// <exception cref="IOException">The file cannot be created, for example because its name is too long or the file system is read-only.</exception>
    /// <exception cref="UnauthorizedAccessException">The folder or an existing target does not allow writing.</exception>
    internal static void Probe(string path)
    {
        string fullPath = System.IO.Path.GetFullPath(path);
        string folder = System.IO.Path.GetDirectoryName(fullPath)
            ?? throw new ArgumentException($"The path '{path}' is a root folder, not a file.", nameof(path));
        string temporaryPath = TemporaryPathFor(folder, fullPath);
        new FileStream(temporaryPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1, FileOptions.DeleteOnClose).Dispose();
        if (File.Exists(fullPath))
        {
            new FileStream(fullPath, FileMode.Open, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete).Dispose();
        }
    }

    /// <summary>Writes the content with <paramref name="write"/> and commits it; on failure the target is left unchanged and the temporary file deleted.</summary>
    internal static void Write(string path, Action<Stream> write)
    {
        using AtomicFile file = Create(path);
        write(file.Stream);
        file.Commit();
    }

    /// <summary>Flushes the temporary file to disk and renames it over the target.</summary>
    /// <exception cref="InvalidOperationException">The file was already committed or disposed.</exception>
    internal void Commit()
    {
        ObjectDisposedException.ThrowIf(_finished, this);
        try
        {
            _stream.Flush(flushToDisk: true);
            _stream.Dispose();
            File.Move(TemporaryPath, Path, overwrite: true);
        }
        finally
        {
            Dispose();
        }
    }

    private static string TemporaryPathFor(string folder, string fullPath) =>
        System.IO.Path.Combine(folder, $".{System.IO.Path.GetFileName(fullPath)}.{Guid.NewGuid():N}.tmp");

    /// <summary>Deletes the temporary file unless <see cref="Commit"/> has renamed it.</summary>
    public void Dispose()
    {
        if (_finished)
        {
            return;
        }

        _finished = true;
        _stream.Dispose();
        File.Delete(TemporaryPath);
    }
}
