using System.Reflection;
using System.Runtime.InteropServices;

namespace Nerva.Interop.Tests;

// Rules of the interop layer, checked by reflection over the whole assembly.
public class BindingRulesTests
{
    private static readonly Assembly Library = typeof(NervaLibrary).Assembly;

    [Fact]
    public void InteropNamespace_IsInternal()
    {
        var offenders = Library.GetTypes()
            .Where(type => type.Namespace == "Nerva.Interop" && (type.IsPublic || type.IsNestedPublic))
            .Select(type => type.FullName);

        Assert.Empty(offenders);
    }

    [Fact]
    public void SafeHandles_AreSealedAndInternal()
    {
        var handles = Library.GetTypes().Where(type => type.IsSubclassOf(typeof(SafeHandle))).ToList();

        Assert.NotEmpty(handles);
        Assert.All(handles, type => Assert.True(type.IsSealed && !type.IsPublic, $"{type.Name} must be sealed and internal"));
    }

    [Fact]
    public void PublicTypes_HoldNoRawPointers()
    {
        var offenders = Library.GetTypes()
            .Where(type => type.IsPublic)
            .SelectMany(type => type.GetFields(BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic))
            .Where(field => field.FieldType == typeof(IntPtr) || field.FieldType == typeof(UIntPtr) || field.FieldType.IsPointer)
            .Select(field => $"{field.DeclaringType!.Name}.{field.Name}");

        Assert.Empty(offenders);
    }

    [Fact]
    public void NativeDeclarations_AreOnlyInGeneratedFile()
    {
        string[] handWritten = Directory.GetFiles(RepositoryPaths.Combine("src"), "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.EndsWith(".g.cs", StringComparison.Ordinal) && !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(path => File.ReadAllText(path).Contains("[LibraryImport", StringComparison.Ordinal) || File.ReadAllText(path).Contains("[DllImport", StringComparison.Ordinal))
            .ToArray();

        Assert.Empty(handWritten);
    }
}
