using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;

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

    [UnmanagedCallersOnly]
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
}
