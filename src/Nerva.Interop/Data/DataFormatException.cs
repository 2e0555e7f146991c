namespace Nerva.Data;

/// <summary>
/// A data file that cannot be read: it is corrupt or truncated, uses an unsupported format or element type,
/// or its arrays do not fit together (for example Xtrain and Ttrain with different numbers of rows).
/// </summary>
/// <remarks>The message names the file, the offending value and what to do about it.</remarks>
public sealed class DataFormatException : Exception
{
    /// <summary>Creates an exception for the file <paramref name="filePath"/>.</summary>
    public DataFormatException(string message, string? filePath)
        : base(message)
    {
        FilePath = filePath;
    }

    /// <summary>Creates an exception for the file <paramref name="filePath"/> caused by <paramref name="innerException"/>.</summary>
    public DataFormatException(string message, string? filePath, Exception? innerException)
        : base(message, innerException)
    {
        FilePath = filePath;
    }

    /// <summary>The path of the file, or of the archive member, that failed to read; null when the data did not come from a file.</summary>
    public string? FilePath { get; }
}
