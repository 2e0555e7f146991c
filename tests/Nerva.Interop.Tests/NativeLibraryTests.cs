using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;

namespace Nerva.Interop.Tests;

public partial class NativeLibraryTests
{
    [Fact]
    public void AbiVersion_MatchesBindings()
    {
        Assert.Equal(NervaLibrary.ExpectedAbiVersion, NervaLibrary.AbiVersion);
    }

    [Fact]
    public void AbiVersion_MatchesHeaderMacro()
    {
        string header = File.ReadAllText(RepositoryPaths.Combine("native", "include", "nerva", "common.h"));
        Match match = AbiVersionMacro().Match(header);

        Assert.True(match.Success, "common.h defines no NERVA_ABI_VERSION");
        Assert.Equal(NervaLibrary.ExpectedAbiVersion, int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void AbiMismatch_MessageNamesBothVersions()
    {
        var exception = Assert.Throws<NervaException>(() => NervaLibrary.VerifyAbiVersion(1, 7));

        Assert.Equal(NervaError.AbiMismatch, exception.Error);
        Assert.Contains("ABI version 7", exception.Message, StringComparison.Ordinal);
        Assert.Contains("expects ABI version 1", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Threads_CanBeSetAndRestored()
    {
        int original = NervaLibrary.Threads;
        try
        {
            NervaLibrary.Threads = 1;
            Assert.Equal(1, NervaLibrary.Threads);
            Assert.Throws<ArgumentOutOfRangeException>(() => NervaLibrary.Threads = 0);
        }
        finally
        {
            NervaLibrary.Threads = original;
        }
    }

    // The library exports exactly the functions that the generated bindings
    // declare: nothing of MKL or the C++ runtime leaks out, and no binding
    // points at a missing symbol.
    [Fact]
    public void ExportedSymbols_EqualDeclaredEntryPoints()
    {
        string library = Path.Combine(AppContext.BaseDirectory, "libnerva_native.so");
        var start = new ProcessStartInfo("nm", ["-D", "--defined-only", library]) { RedirectStandardOutput = true };
        using Process nm = Process.Start(start)!;
        string output = nm.StandardOutput.ReadToEnd();
        nm.WaitForExit();
        Assert.Equal(0, nm.ExitCode);

        var exported = output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(fields => fields.Length == 3)
            .Select(fields => fields[2])
            .ToHashSet();
        var declared = typeof(NervaLibrary).Assembly.GetType("Nerva.Interop.NativeMethods")!
            .GetMethods(BindingFlags.Static | BindingFlags.NonPublic)
            .Select(method => method.GetCustomAttribute<LibraryImportAttribute>())
            .Where(attribute => attribute is not null)
            .Select(attribute => attribute!.EntryPoint!)
            .ToHashSet();

        Assert.NotEmpty(declared);
        Assert.Empty(exported.Except(declared));
        Assert.Empty(declared.Except(exported));
    }

    [GeneratedRegex(@"#define\s+NERVA_ABI_VERSION\s+(\d+)")]
    private static partial Regex AbiVersionMacro();
}
