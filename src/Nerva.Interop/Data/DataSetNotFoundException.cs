namespace Nerva.Data;

/// <summary>
/// A data set file, folder or name that does not exist. It derives from <see cref="FileNotFoundException"/>,
/// so handlers for that type catch it too; <see cref="FileNotFoundException.FileName"/> is the missing path.
/// </summary>
public sealed class DataSetNotFoundException : FileNotFoundException
{
    /// <summary>Creates an exception for the missing path <paramref name="fileName"/>.</summary>
    public DataSetNotFoundException(string message, string fileName)
        : base(message, fileName)
    {
    }
}
