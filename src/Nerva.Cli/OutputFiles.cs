using System.Text.RegularExpressions;
using Nerva.Data;
using Nerva.Model;

namespace Nerva.Cli;

/// <summary>Checks and error messages for the files that nerva train writes (--save-weights, --save-model, --checkpoint).</summary>
internal static partial class OutputFiles
{
    /// <summary>
    /// Checks an output file before the data set is loaded, so that a path that cannot be written fails at once
    /// instead of after the last epoch. The folder must exist, and a probe file with the name of the save's
    /// temporary file must be creatable. The save itself still reports a folder removed during training.
    /// </summary>
    /// <exception cref="UsageException">The path is empty.</exception>
    /// <exception cref="IOException">The path is a folder, its folder does not exist, or the file cannot be written.</exception>
    public static void Check(string optionName, string? path)
    {
        if (path is null)
        {
            return;
        }

        if (path.Trim().Length == 0)
        {
            throw new UsageException($"{optionName}: the path is empty; pass the .npz file to write.");
        }

        string fullPath = Path.GetFullPath(path);
        if (Directory.Exists(fullPath))
        {
            throw new IOException($"{optionName}: '{path}' is a folder; pass a file path such as '{Path.Combine(path, "weights.npz")}'.");
        }

        string? folder = Path.GetDirectoryName(fullPath);
        if (folder is not null && !Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException(
                $"{optionName}: cannot save '{path}' because the folder '{folder}' does not exist; create the folder first or pass a path in an existing folder.");
        }

        try
        {
            Npz.CheckCanSave(fullPath);
        }
        catch (Exception exception) when (IsFileError(exception))
        {
            throw new IOException(Describe(optionName, path, exception), exception);
        }
    }

    /// <summary>
    /// Rejects an output file that is also an input file or another output file, compared by full path, because
    /// the save would overwrite the input or one save would replace the other.
    /// </summary>
    /// <param name="files">The options with their paths, inputs first; options without a value have a null path.</param>
    /// <param name="firstOutput">The index in <paramref name="files"/> of the first output file.</param>
    /// <exception cref="UsageException">Two options name the same file.</exception>
    public static void CheckDistinct(IReadOnlyList<(string OptionName, string? Path)> files, int firstOutput)
    {
        for (int i = firstOutput; i < files.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(files[i].Path))
            {
                continue;
            }

            string output = Path.GetFullPath(files[i].Path!);
            for (int j = 0; j < i; j++)
            {
                if (!string.IsNullOrWhiteSpace(files[j].Path) && string.Equals(Path.GetFullPath(files[j].Path!), output, StringComparison.Ordinal))
                {
                    throw new UsageException(
                        $"{files[i].OptionName} and {files[j].OptionName} both name '{output}'; pass a different file to {files[i].OptionName}.");
                }
            }
        }
    }

    /// <summary>Returns true for the exceptions that a failed file write throws.</summary>
    public static bool IsFileError(Exception exception) => exception is IOException or UnauthorizedAccessException;

    /// <summary>Returns the one-line message for a failed write of <paramref name="path"/>, given with <paramref name="optionName"/>.</summary>
    public static string Describe(string optionName, string path, Exception exception) =>
        $"{optionName}: cannot write '{path}': {Reason(path, exception)}; choose a writable path";

    // The .NET messages name the temporary file, which the user never asked for, so the reason is rebuilt from
    // the exception type, or taken from the system error text before its " : 'path'" suffix.
    private static string Reason(string path, Exception exception)
    {
        string folder = Path.GetDirectoryName(Path.GetFullPath(path)) ?? path;
        return exception switch
        {
            UnauthorizedAccessException => "permission denied; check the permissions of the folder and the file (or whether the file is immutable)",
            PathTooLongException => "the file name is too long",
            DirectoryNotFoundException or FileNotFoundException when !Directory.Exists(folder) => $"the folder '{folder}' does not exist",
            DirectoryNotFoundException or FileNotFoundException => $"the file system does not allow new files in '{folder}'",
            _ => SystemErrorSuffix().Replace(exception.Message, string.Empty).TrimEnd('.'),
        };
    }

    [GeneratedRegex(" : '.*'\\.?$")]
    private static partial Regex SystemErrorSuffix();
}

/// <summary>
/// Writes --checkpoint after every epoch. A failed write is reported once on stderr and ends the checkpoints,
/// but training goes on, so that --save-weights and --save-model still get the trained model.
/// </summary>
internal sealed class CheckpointWriter(string optionName, string path, TextWriter error)
{
    /// <summary>True after a checkpoint could not be written; the command then exits with 1.</summary>
    public bool Failed { get; private set; }

    /// <summary>Saves the weights of <paramref name="model"/> unless an earlier checkpoint failed.</summary>
    public void Write(MultilayerPerceptron model)
    {
        if (Failed)
        {
            return;
        }

        try
        {
            ModelFiles.SaveWeights(model, path);
        }
        catch (Exception exception) when (OutputFiles.IsFileError(exception))
        {
            Failed = true;
            error.WriteLine($"nerva: {OutputFiles.Describe(optionName, path, exception)}; training goes on without checkpoints");
        }
    }
}
