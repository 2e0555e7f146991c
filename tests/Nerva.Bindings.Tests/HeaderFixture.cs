using System;
using System.Collections.Generic;
using System.IO;
using Nerva.Bindings.Generator;

namespace Nerva.Bindings.Tests;

/// <summary>
/// A throwaway include tree under the temp folder: <c>include/nerva/nerva.h</c> with the given
/// text, plus any extra headers, deleted on dispose.
/// </summary>
internal sealed class HeaderFixture : IDisposable
{
    private HeaderFixture(string root)
    {
        Root = root;
    }

    /// <summary>The temporary folder that contains <c>include/</c>.</summary>
    public string Root { get; }

    /// <summary>The include directory passed to the generator.</summary>
    public string IncludeDirectory => Path.Combine(Root, "include");

    /// <summary>The umbrella header, <c>include/nerva/nerva.h</c>.</summary>
    public string UmbrellaHeader => Path.Combine(IncludeDirectory, "nerva", "nerva.h");

    /// <summary>
    /// Writes <paramref name="umbrellaText"/> as <c>include/nerva/nerva.h</c> and each extra header at its
    /// path relative to <c>include/</c>.
    /// </summary>
    public static HeaderFixture Create(string umbrellaText, params (string RelativePath, string Text)[] extraHeaders)
    {
        var fixture = new HeaderFixture(Path.Combine(Path.GetTempPath(), "nerva-bindings-" + Guid.NewGuid().ToString("N")));
        fixture.Write("nerva/nerva.h", umbrellaText);
        foreach ((string relativePath, string text) in extraHeaders)
        {
            fixture.Write(relativePath, text);
        }

        return fixture;
    }

    /// <summary>Runs the generator on the fixture and returns both generated files.</summary>
    public IReadOnlyDictionary<string, string> Generate() => BindingGenerator.Generate(UmbrellaHeader, IncludeDirectory);

    /// <summary>Runs the generator and returns NativeMethods.g.cs.</summary>
    public string NativeMethods() => Generate()[BindingGenerator.NativeMethodsFileName];

    /// <summary>Runs the generator and returns the message of the <see cref="BindingGeneratorException"/> it must raise.</summary>
    public string GenerationError() => Xunit.Assert.Throws<BindingGeneratorException>(() => Generate()).Message;

    private void Write(string relativePath, string text)
    {
        string path = Path.Combine(IncludeDirectory, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        Directory.Delete(Root, recursive: true);
    }
}
