using System.Runtime.InteropServices;

namespace Nerva.Bindings.Generator.Clang;

// Layouts and entry points of the libclang C API (clang-c/Index.h, clang-c/CXString.h).
// The struct layouts must match the C definitions exactly because they are passed by value.

/// <summary>A cursor: <c>{ enum CXCursorKind kind; int xdata; const void* data[3]; }</c>.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct CXCursor
{
    public CXCursorKind Kind;
    public int XData;
    public void* Data0;
    public void* Data1;
    public void* Data2;
}

/// <summary>A type: <c>{ enum CXTypeKind kind; void* data[2]; }</c>.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct CXType
{
    public CXTypeKind Kind;
    public void* Data0;
    public void* Data1;
}

/// <summary>A string owned by libclang: <c>{ const void* data; unsigned private_flags; }</c>.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct CXString
{
    public void* Data;
    public uint PrivateFlags;
}

/// <summary>A source location: <c>{ const void* ptr_data[2]; unsigned int_data; }</c>.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct CXSourceLocation
{
    public void* PtrData0;
    public void* PtrData1;
    public uint IntData;
}

/// <summary>A source range: <c>{ const void* ptr_data[2]; unsigned begin_int_data; unsigned end_int_data; }</c>.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct CXSourceRange
{
    public void* PtrData0;
    public void* PtrData1;
    public uint BeginIntData;
    public uint EndIntData;
}

/// <summary>The subset of <c>enum CXCursorKind</c> that the reader inspects.</summary>
internal enum CXCursorKind
{
    StructDecl = 2,
    UnionDecl = 3,
    EnumDecl = 5,
    FieldDecl = 6,
    EnumConstantDecl = 7,
    FunctionDecl = 8,
    VarDecl = 9,
    ParmDecl = 10,
    TypedefDecl = 20,
    MacroExpansion = 502,
}

/// <summary>The subset of <c>enum CXTypeKind</c> that the reader inspects.</summary>
internal enum CXTypeKind
{
    Invalid = 0,
    Unexposed = 1,
    Void = 2,
    Bool = 3,
    CharU = 4,
    UChar = 5,
    UShort = 8,
    UInt = 9,
    ULong = 10,
    ULongLong = 11,
    CharS = 13,
    SChar = 14,
    Short = 16,
    Int = 17,
    Long = 18,
    LongLong = 19,
    Float = 21,
    Double = 22,
    LongDouble = 23,
    Pointer = 101,
    Record = 105,
    Enum = 106,
    Typedef = 107,
    FunctionNoProto = 110,
    FunctionProto = 111,
    ConstantArray = 112,
    IncompleteArray = 114,
    Elaborated = 119,
}

/// <summary>Return values of a <c>CXCursorVisitor</c>.</summary>
internal enum CXChildVisitResult
{
    Break = 0,
    Continue = 1,
    Recurse = 2,
}

/// <summary><c>enum CXDiagnosticSeverity</c>.</summary>
internal enum CXDiagnosticSeverity
{
    Ignored = 0,
    Note = 1,
    Warning = 2,
    Error = 3,
    Fatal = 4,
}

/// <summary>Hand-written declarations of the libclang functions the generator calls.</summary>
internal static unsafe partial class LibClang
{
    /// <summary>File name stem of libclang; the runtime resolves it to <c>libclang.so</c> from the NuGet runtime package.</summary>
    public const string LibraryName = "libclang";

    /// <summary><c>CXTranslationUnit_DetailedPreprocessingRecord</c>: keep macro expansions as cursors.</summary>
    public const uint TranslationUnitDetailedPreprocessingRecord = 0x01;

    /// <summary><c>CXTranslationUnit_SkipFunctionBodies</c>.</summary>
    public const uint TranslationUnitSkipFunctionBodies = 0x40;

    /// <summary><c>CX_SC_Static</c> from <c>enum CX_StorageClass</c>.</summary>
    public const int StorageClassStatic = 3;

    [LibraryImport(LibraryName)]
    public static partial void* clang_createIndex(int excludeDeclarationsFromPch, int displayDiagnostics);

    [LibraryImport(LibraryName)]
    public static partial void clang_disposeIndex(void* index);

    [LibraryImport(LibraryName)]
    public static partial int clang_parseTranslationUnit2(void* index, byte* sourceFilename, byte** commandLineArgs, int numCommandLineArgs, void* unsavedFiles, uint numUnsavedFiles, uint options, void** outTranslationUnit);

    [LibraryImport(LibraryName)]
    public static partial void clang_disposeTranslationUnit(void* translationUnit);

    [LibraryImport(LibraryName)]
    public static partial uint clang_getNumDiagnostics(void* translationUnit);

    [LibraryImport(LibraryName)]
    public static partial void* clang_getDiagnostic(void* translationUnit, uint index);

    [LibraryImport(LibraryName)]
    public static partial CXDiagnosticSeverity clang_getDiagnosticSeverity(void* diagnostic);

    [LibraryImport(LibraryName)]
    public static partial CXString clang_formatDiagnostic(void* diagnostic, uint options);

    [LibraryImport(LibraryName)]
    public static partial uint clang_defaultDiagnosticDisplayOptions();

    [LibraryImport(LibraryName)]
    public static partial void clang_disposeDiagnostic(void* diagnostic);

    [LibraryImport(LibraryName)]
    public static partial CXCursor clang_getTranslationUnitCursor(void* translationUnit);

    [LibraryImport(LibraryName)]
    public static partial uint clang_visitChildren(CXCursor parent, delegate* unmanaged<CXCursor, CXCursor, void*, CXChildVisitResult> visitor, void* clientData);

    [LibraryImport(LibraryName)]
    public static partial CXString clang_getCursorSpelling(CXCursor cursor);

    [LibraryImport(LibraryName)]
    public static partial CXString clang_getCursorUSR(CXCursor cursor);

    [LibraryImport(LibraryName)]
    public static partial CXType clang_getCursorType(CXCursor cursor);

    [LibraryImport(LibraryName)]
    public static partial CXSourceLocation clang_getCursorLocation(CXCursor cursor);

    [LibraryImport(LibraryName)]
    public static partial CXSourceRange clang_getCursorExtent(CXCursor cursor);

    [LibraryImport(LibraryName)]
    public static partial CXSourceLocation clang_getRangeStart(CXSourceRange range);

    [LibraryImport(LibraryName)]
    public static partial CXSourceLocation clang_getRangeEnd(CXSourceRange range);

    [LibraryImport(LibraryName)]
    public static partial void clang_getExpansionLocation(CXSourceLocation location, void** file, uint* line, uint* column, uint* offset);

    [LibraryImport(LibraryName)]
    public static partial CXString clang_getFileName(void* file);

    [LibraryImport(LibraryName)]
    public static partial CXCursor clang_getCursorDefinition(CXCursor cursor);

    [LibraryImport(LibraryName)]
    public static partial int clang_Cursor_isNull(CXCursor cursor);

    [LibraryImport(LibraryName)]
    public static partial uint clang_isCursorDefinition(CXCursor cursor);

    [LibraryImport(LibraryName)]
    public static partial uint clang_Cursor_isAnonymous(CXCursor cursor);

    [LibraryImport(LibraryName)]
    public static partial uint clang_Cursor_isBitField(CXCursor cursor);

    [LibraryImport(LibraryName)]
    public static partial int clang_Cursor_getStorageClass(CXCursor cursor);

    [LibraryImport(LibraryName)]
    public static partial long clang_getEnumConstantDeclValue(CXCursor cursor);

    [LibraryImport(LibraryName)]
    public static partial ulong clang_getEnumConstantDeclUnsignedValue(CXCursor cursor);

    [LibraryImport(LibraryName)]
    public static partial CXType clang_getEnumDeclIntegerType(CXCursor cursor);

    [LibraryImport(LibraryName)]
    public static partial CXString clang_Cursor_getRawCommentText(CXCursor cursor);

    [LibraryImport(LibraryName)]
    public static partial CXType clang_getTypedefDeclUnderlyingType(CXCursor cursor);

    [LibraryImport(LibraryName)]
    public static partial int clang_Cursor_getNumArguments(CXCursor cursor);

    [LibraryImport(LibraryName)]
    public static partial CXCursor clang_Cursor_getArgument(CXCursor cursor, uint index);

    [LibraryImport(LibraryName)]
    public static partial CXType clang_getCanonicalType(CXType type);

    [LibraryImport(LibraryName)]
    public static partial CXType clang_getPointeeType(CXType type);

    [LibraryImport(LibraryName)]
    public static partial CXType clang_getResultType(CXType type);

    [LibraryImport(LibraryName)]
    public static partial CXType clang_Type_getNamedType(CXType type);

    [LibraryImport(LibraryName)]
    public static partial CXString clang_getTypeSpelling(CXType type);

    [LibraryImport(LibraryName)]
    public static partial CXString clang_getTypedefName(CXType type);

    [LibraryImport(LibraryName)]
    public static partial CXCursor clang_getTypeDeclaration(CXType type);

    [LibraryImport(LibraryName)]
    public static partial uint clang_isConstQualifiedType(CXType type);

    [LibraryImport(LibraryName)]
    public static partial uint clang_isFunctionTypeVariadic(CXType type);

    [LibraryImport(LibraryName)]
    public static partial byte* clang_getCString(CXString text);

    [LibraryImport(LibraryName)]
    public static partial void clang_disposeString(CXString text);
}
