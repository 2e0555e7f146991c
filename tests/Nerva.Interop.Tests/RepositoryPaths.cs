namespace Nerva.Interop.Tests;

/// <summary>Locates files of this repository from the test's output folder.</summary>
internal static class RepositoryPaths
{
    /// <summary>The repository root: the nearest parent folder that contains Nerva.Native.sln.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>Returns the absolute path of a file given relative to the repository root.</summary>
    public static string Combine(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Nerva.Native.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} contains Nerva.Native.sln.");
    }
}
