using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace Nerva.Bindings.Generator.Clang;

/// <summary>Managed conveniences over <see cref="LibClang"/>: strings, children, locations.</summary>
internal static unsafe class ClangHelpers
{
    /// <summary>Copies a libclang string into a managed string and disposes the native one.</summary>
    public static string Consume(CXString text)
    {
        try
        {
            byte* bytes = LibClang.clang_getCString(text);
            return bytes == null ? string.Empty : Marshal.PtrToStringUTF8((nint)bytes) ?? string.Empty;
        }
        finally
        {
            LibClang.clang_disposeString(text);
        }
    }

    public static string Spelling(this CXCursor cursor) => Consume(LibClang.clang_getCursorSpelling(cursor));

    public static string Usr(this CXCursor cursor) => Consume(LibClang.clang_getCursorUSR(cursor));

    public static string Spelling(this CXType type) => Consume(LibClang.clang_getTypeSpelling(type));

    public static bool IsNull(this CXCursor cursor) => LibClang.clang_Cursor_isNull(cursor) != 0;

    /// <summary>Returns the raw comment attached to the cursor, or null when there is none.</summary>
    public static string? RawComment(this CXCursor cursor)
    {
        string text = Consume(LibClang.clang_Cursor_getRawCommentText(cursor));
        return text.Length == 0 ? null : text;
    }

    /// <summary>Returns the direct children of a cursor in source order.</summary>
    public static List<CXCursor> Children(this CXCursor parent)
    {
        var children = new List<CXCursor>();
        GCHandle handle = GCHandle.Alloc(children);
        try
        {
            LibClang.clang_visitChildren(parent, &CollectChild, (void*)GCHandle.ToIntPtr(handle));
        }
        finally
        {
            handle.Free();
        }

        return children;
    }

    [UnmanagedCallersOnly(CallConvs = new[] { typeof(CallConvCdecl) })]
    private static CXChildVisitResult CollectChild(CXCursor cursor, CXCursor parent, void* clientData)
    {
        var children = (List<CXCursor>)GCHandle.FromIntPtr((nint)clientData).Target!;
        children.Add(cursor);
        return CXChildVisitResult.Continue;
    }

    /// <summary>Returns the file path and byte offset where a location expands, or a null path for built-in locations.</summary>
    public static (string? Path, uint Offset) Expansion(CXSourceLocation location)
    {
        void* file;
        uint line;
        uint column;
        uint offset;
        LibClang.clang_getExpansionLocation(location, &file, &line, &column, &offset);
        if (file == null)
        {
            return (null, offset);
        }

        return (Consume(LibClang.clang_getFileName(file)), offset);
    }

    /// <summary>Returns the source text a cursor covers, with every whitespace run collapsed to one space.</summary>
    public static string ExtentText(this CXCursor cursor, Func<string, byte[]> readFile)
    {
        CXSourceRange extent = LibClang.clang_getCursorExtent(cursor);
        (string? startPath, uint start) = Expansion(LibClang.clang_getRangeStart(extent));
        (string? endPath, uint end) = Expansion(LibClang.clang_getRangeEnd(extent));
        if (startPath == null || startPath != endPath || end < start)
        {
            return string.Empty;
        }

        byte[] bytes = readFile(startPath);
        string text = Encoding.UTF8.GetString(bytes, (int)start, (int)(end - start));
        return CollapseWhitespace(text);
    }

    private static string CollapseWhitespace(string text)
    {
        var builder = new StringBuilder(text.Length);
        bool pendingSpace = false;
        foreach (char character in text)
        {
            if (char.IsWhiteSpace(character))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(character);
        }

        return builder.ToString();
    }
}
