using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using System.Text;

namespace Nerva.Bindings.Generator.Clang;

/// <summary>A parsed C header that owns its libclang index and translation unit.</summary>
internal sealed unsafe class TranslationUnit : IDisposable
{
    private void* m_index;
    private void* m_translationUnit;

    private TranslationUnit(void* index, void* translationUnit)
    {
        m_index = index;
        m_translationUnit = translationUnit;
    }

    /// <summary>The root cursor whose children are the top-level declarations.</summary>
    public CXCursor Cursor => LibClang.clang_getTranslationUnitCursor(m_translationUnit);

    /// <summary>
    /// Parses <paramref name="headerPath"/> as C11 with the given compiler arguments.
    /// </summary>
    /// <exception cref="BindingGeneratorException">libclang failed, or the header has errors.</exception>
    public static TranslationUnit Parse(string headerPath, IReadOnlyList<string> arguments)
    {
        void* index = LibClang.clang_createIndex(0, 0);
        void* translationUnit = null;
        int errorCode;

        var argumentPointers = new nint[arguments.Count];
        nint pathPointer = Marshal.StringToCoTaskMemUTF8(headerPath);
        try
        {
            for (int i = 0; i < arguments.Count; i++)
            {
                argumentPointers[i] = Marshal.StringToCoTaskMemUTF8(arguments[i]);
            }

            fixed (nint* argv = argumentPointers)
            {
                uint options = LibClang.TranslationUnitDetailedPreprocessingRecord | LibClang.TranslationUnitSkipFunctionBodies;
                errorCode = LibClang.clang_parseTranslationUnit2(index, (byte*)pathPointer, (byte**)argv, arguments.Count, null, 0, options, &translationUnit);
            }
        }
        finally
        {
            Marshal.FreeCoTaskMem(pathPointer);
            foreach (nint pointer in argumentPointers)
            {
                Marshal.FreeCoTaskMem(pointer);
            }
        }

        if (errorCode != 0 || translationUnit == null)
        {
            LibClang.clang_disposeIndex(index);
            throw new BindingGeneratorException($"libclang failed to parse '{headerPath}' (CXErrorCode {errorCode}); check that the file exists and is readable");
        }

        var result = new TranslationUnit(index, translationUnit);
        string? errors = result.FormatErrors();
        if (errors != null)
        {
            result.Dispose();
            throw new BindingGeneratorException($"the header '{headerPath}' does not compile as C11:{Environment.NewLine}{errors}");
        }

        return result;
    }

    /// <summary>Returns the error and fatal diagnostics, one a line, or null when there are none.</summary>
    private string? FormatErrors()
    {
        var builder = new StringBuilder();
        uint count = LibClang.clang_getNumDiagnostics(m_translationUnit);
        for (uint i = 0; i < count; i++)
        {
            void* diagnostic = LibClang.clang_getDiagnostic(m_translationUnit, i);
            try
            {
                if (LibClang.clang_getDiagnosticSeverity(diagnostic) >= CXDiagnosticSeverity.Error)
                {
                    string line = ClangHelpers.Consume(LibClang.clang_formatDiagnostic(diagnostic, LibClang.clang_defaultDiagnosticDisplayOptions()));
                    builder.Append("  ").AppendLine(line);
                }
            }
            finally
            {
                LibClang.clang_disposeDiagnostic(diagnostic);
            }
        }

        return builder.Length == 0 ? null : builder.ToString().TrimEnd();
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (m_translationUnit != null)
        {
            LibClang.clang_disposeTranslationUnit(m_translationUnit);
            m_translationUnit = null;
        }

        if (m_index != null)
        {
            LibClang.clang_disposeIndex(m_index);
            m_index = null;
        }
    }
}
