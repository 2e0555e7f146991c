using System.IO.Compression;

namespace Nerva.Data;

/// <summary>
/// Reads and writes NumPy <c>.npz</c> archives: zip files whose members <c>name.npy</c> each contain one array,
/// stored or deflate-compressed, as numpy.savez and numpy.savez_compressed write them.
/// </summary>
public static class Npz
{
    /// <summary>Reads every <c>.npy</c> member of the archive <paramref name="path"/>.</summary>
    /// <returns>The arrays by name (the member name without <c>.npy</c>), in archive order. Members of other types are skipped.</returns>
    /// <exception cref="DataSetNotFoundException">The file does not exist.</exception>
    /// <exception cref="DataFormatException">The file is not a zip archive, or a member is not a valid .npy array.</exception>
    public static IReadOnlyDictionary<string, NpyArray> Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            throw new DataSetNotFoundException($"The .npz file '{path}' does not exist. Check the path.", path);
        }

        using FileStream stream = File.OpenRead(path);
        ZipArchive archive;
        try
        {
            archive = new ZipArchive(stream, ZipArchiveMode.Read);
        }
        catch (InvalidDataException exception)
        {
            throw new DataFormatException(
                $"The file '{path}' is not a valid .npz file: it is not a zip archive or its directory is damaged ({exception.Message}). Save it again with numpy.savez.",
                path,
                exception);
        }

        using (archive)
        {
            var arrays = new OrderedDictionary<string, NpyArray>(StringComparer.Ordinal);
            foreach (ZipArchiveEntry entry in archive.Entries)
            {
                if (!entry.FullName.EndsWith(".npy", StringComparison.Ordinal))
                {
                    continue;
                }

                string name = entry.FullName[..^4];
                arrays[name] = ReadMember(path, entry);
            }

            return arrays;
        }
    }

    /// <summary>Writes <paramref name="arrays"/> to <paramref name="path"/> without compression, as numpy.savez does, replacing the file atomically.</summary>
    /// <exception cref="DirectoryNotFoundException">The folder of <paramref name="path"/> does not exist.</exception>
    public static void Save(string path, IReadOnlyDictionary<string, NpyArray> arrays) => Save(path, arrays, NpzCompression.None);

    /// <summary>Writes <paramref name="arrays"/> to <paramref name="path"/>, replacing the file atomically.</summary>
    /// <remarks>
    /// The archive goes to a temporary file in the same folder that is then renamed over <paramref name="path"/>,
    /// so an interrupted save leaves the old file intact and no temporary file behind.
    /// </remarks>
    /// <exception cref="ArgumentException">A name is empty or an array is null.</exception>
    /// <exception cref="DirectoryNotFoundException">The folder of <paramref name="path"/> does not exist.</exception>
    public static void Save(string path, IReadOnlyDictionary<string, NpyArray> arrays, NpzCompression compression)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(arrays);
        foreach ((string name, NpyArray array) in arrays)
        {
            if (string.IsNullOrEmpty(name) || array is null)
            {
                throw new ArgumentException("Every array needs a non-empty name and a non-null value.", nameof(arrays));
            }
        }

        using var writer = new NpzWriter(path, compression);
        foreach ((string name, NpyArray array) in arrays)
        {
            writer.Write(name, array);
        }

        writer.Commit();
    }

    /// <summary>
    /// Checks that <see cref="Save(string, IReadOnlyDictionary{string, NpyArray})"/> can write <paramref name="path"/>
    /// without writing it: creates and deletes an empty file with the temporary name that a save uses, and opens
    /// an existing file for writing without changing it.
    /// </summary>
    /// <exception cref="IOException">The file cannot be created, for example because its name is too long or the file system is read-only.</exception>
    /// <exception cref="UnauthorizedAccessException">The folder or the existing file does not allow writing.</exception>
    public static void CheckCanSave(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        AtomicFile.Probe(path);
    }

    private static NpyArray ReadMember(string path, ZipArchiveEntry entry)
    {
        string source = $"{path}/{entry.FullName}";
        try
        {
            using Stream stream = entry.Open();
            return Npy.Read(stream, source, entry.Length, lengthIsExact: false);
        }
        catch (InvalidDataException exception)
        {
            throw new DataFormatException(
                $"The array '{entry.FullName}' in '{path}' cannot be decompressed: {exception.Message} The archive is corrupt; save it again.",
                source,
                exception);
        }
    }
}
