using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Nerva.Bindings.Generator.Clang;
using Nerva.Bindings.Generator.Model;

namespace Nerva.Bindings.Generator;

/// <summary>
/// Reads the declarations of the Nerva headers through libclang into a <see cref="CHeaderSet"/>.
/// Only declarations in files under the umbrella header's folder are kept.
/// </summary>
internal sealed class HeaderReader
{
    // Typedef names that map to a C# scalar by name, because their canonical type
    // (long, unsigned long...) differs between platforms while the typedef does not.
    private static readonly HashSet<string> s_fixedWidthTypedefs = new(StringComparer.Ordinal)
    {
        "int8_t", "int16_t", "int32_t", "int64_t",
        "uint8_t", "uint16_t", "uint32_t", "uint64_t",
        "size_t", "ptrdiff_t", "intptr_t", "uintptr_t",
    };

    private const string PlainIntegerReason =
        "plain C integer types change size between platforms; use a fixed-width type from stdint.h such as int32_t or int64_t";

    private readonly string m_includeDirectory;
    private readonly string m_headerDirectory;
    private readonly Dictionary<string, byte[]> m_fileContents = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<(uint Start, uint End)>> m_macroExpansions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> m_typedefNamesByUsr = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> m_typedefCommentsByUsr = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CNamedDeclaration> m_typesByUsr = new(StringComparer.Ordinal);
    private readonly List<string> m_headers = new();
    private readonly List<CNamedDeclaration> m_types = new();
    private readonly List<CFunction> m_functions = new();

    private HeaderReader(string includeDirectory, string headerDirectory)
    {
        m_includeDirectory = includeDirectory;
        m_headerDirectory = headerDirectory;
    }

    /// <summary>
    /// Parses <paramref name="umbrellaHeaderPath"/> as C11 with <paramref name="includeDirectory"/>
    /// on the include path and returns the declarations of every header in the umbrella header's folder.
    /// </summary>
    /// <exception cref="BindingGeneratorException">The header does not compile or uses an unsupported declaration.</exception>
    public static CHeaderSet Read(string umbrellaHeaderPath, string includeDirectory)
    {
        string headerPath = Path.GetFullPath(umbrellaHeaderPath);
        string includePath = Path.GetFullPath(includeDirectory);
        if (!File.Exists(headerPath))
        {
            throw new BindingGeneratorException($"the umbrella header '{headerPath}' was not found");
        }

        if (!Directory.Exists(includePath))
        {
            throw new BindingGeneratorException($"the include directory '{includePath}' was not found");
        }

        string headerDirectory = Path.GetDirectoryName(headerPath)!;
        var reader = new HeaderReader(includePath, headerDirectory);

        // -fparse-all-comments attaches plain /* */ comments, not only /** */ doc comments, to declarations.
        var arguments = new List<string> { "-x", "c", "-std=c11", "-I", includePath, "-fparse-all-comments" };
        string? builtinIncludes = FindBuiltinIncludeDirectory();
        if (builtinIncludes != null)
        {
            arguments.Add("-isystem");
            arguments.Add(builtinIncludes);
        }

        using TranslationUnit translationUnit = TranslationUnit.Parse(headerPath, arguments);
        reader.ReadTranslationUnit(translationUnit.Cursor);
        return new CHeaderSet(reader.m_headers, reader.m_types, reader.m_functions);
    }

    /// <summary>
    /// Returns a folder with the compiler's own headers (stddef.h, stdbool.h, stdarg.h), or null.
    /// The libclang.so of the NuGet package ships without them, so a header that includes stddef.h
    /// would not compile. stdint.h comes from the C library and needs none of them.
    /// </summary>
    private static string? FindBuiltinIncludeDirectory()
    {
        // TODO: only fixed Debian paths are searched (libclang-common-*-dev, then GCC); other systems need an option for the folder.
        var candidates = new List<string>();
        foreach (string root in new[] { "/usr/lib", "/usr/local/lib" })
        {
            if (!Directory.Exists(root))
            {
                continue;
            }

            IEnumerable<string> clangResourceDirectories = Directory.GetDirectories(root, "llvm-*")
                .Select(llvm => Path.Combine(llvm, "lib", "clang"))
                .Where(Directory.Exists)
                .SelectMany(Directory.GetDirectories)
                .Select(version => Path.Combine(version, "include"));
            candidates.AddRange(clangResourceDirectories.OrderByDescending(VersionOf));

            string gccRoot = Path.Combine(root, "gcc");
            if (Directory.Exists(gccRoot))
            {
                IEnumerable<string> gccDirectories = Directory.GetDirectories(gccRoot)
                    .SelectMany(Directory.GetDirectories)
                    .Select(version => Path.Combine(version, "include"));
                candidates.AddRange(gccDirectories.OrderByDescending(VersionOf));
            }
        }

        return candidates.FirstOrDefault(directory => File.Exists(Path.Combine(directory, "stddef.h")));
    }

    // The numeric version in a folder path such as /usr/lib/llvm-14/lib/clang/14.0.6/include, for sorting.
    private static Version VersionOf(string includeDirectory)
    {
        string versionFolder = Path.GetFileName(Path.GetDirectoryName(includeDirectory)!);
        return Version.TryParse(versionFolder, out Version? version) ? version
            : int.TryParse(versionFolder, out int major) ? new Version(major, 0)
            : new Version(0, 0);
    }

    private void ReadTranslationUnit(CXCursor root)
    {
        var declarations = new List<(CXCursor Cursor, string Header)>();
        foreach (CXCursor cursor in root.Children())
        {
            string? path = FilePath(cursor);
            if (path == null || !IsNervaHeader(path))
            {
                continue;
            }

            if (cursor.Kind == CXCursorKind.MacroExpansion)
            {
                RecordMacroExpansion(cursor);
                continue;
            }

            string header = Path.GetRelativePath(m_includeDirectory, path).Replace('\\', '/');
            declarations.Add((cursor, header));
        }

        // Pass 1: typedef names, so that "typedef enum nerva_x_e {...} nerva_x;" is named nerva_x.
        foreach ((CXCursor cursor, _) in declarations)
        {
            if (cursor.Kind == CXCursorKind.TypedefDecl)
            {
                RecordTypedefName(cursor);
            }
        }

        // Pass 2: enums, structs and handles, so that fields and parameters can name any of them.
        var structs = new List<(CXCursor Cursor, CStruct Struct)>();
        foreach ((CXCursor cursor, string header) in declarations)
        {
            switch (cursor.Kind)
            {
                case CXCursorKind.EnumDecl:
                    ReadEnum(cursor, header);
                    break;
                case CXCursorKind.StructDecl:
                    CStruct? definition = ReadStruct(cursor, header);
                    if (definition != null)
                    {
                        structs.Add((cursor, definition));
                    }

                    break;
                case CXCursorKind.UnionDecl:
                    throw new BindingGeneratorException($"{cursor.Spelling()} ({header}): unions are not supported; use a struct");
                case CXCursorKind.TypedefDecl:
                    ReadHandle(cursor, header);
                    break;
                case CXCursorKind.VarDecl:
                    throw new BindingGeneratorException($"{cursor.Spelling()} ({header}): global variables are not supported; export a getter function");
            }
        }

        // Pass 3: struct fields and functions.
        foreach ((CXCursor cursor, CStruct definition) in structs)
        {
            ReadFields(cursor, definition);
        }

        foreach ((CXCursor cursor, string header) in declarations)
        {
            if (cursor.Kind == CXCursorKind.FunctionDecl)
            {
                ReadFunction(cursor, header);
            }
        }
    }

    private bool IsNervaHeader(string path)
    {
        return path.StartsWith(m_headerDirectory + Path.DirectorySeparatorChar, StringComparison.Ordinal);
    }

    private static string? FilePath(CXCursor cursor)
    {
        (string? path, _) = ClangHelpers.Expansion(LibClang.clang_getCursorLocation(cursor));
        return path == null ? null : Path.GetFullPath(path);
    }

    private void NoteHeader(string header)
    {
        if (!m_headers.Contains(header))
        {
            m_headers.Add(header);
        }
    }

    private void RecordMacroExpansion(CXCursor cursor)
    {
        CXSourceRange extent = LibClang.clang_getCursorExtent(cursor);
        (string? path, uint start) = ClangHelpers.Expansion(LibClang.clang_getRangeStart(extent));
        (_, uint end) = ClangHelpers.Expansion(LibClang.clang_getRangeEnd(extent));
        if (path == null)
        {
            return;
        }

        path = Path.GetFullPath(path);
        if (!m_macroExpansions.TryGetValue(path, out List<(uint Start, uint End)>? ranges))
        {
            ranges = new List<(uint Start, uint End)>();
            m_macroExpansions.Add(path, ranges);
        }

        ranges.Add((start, end));
    }

    private void RecordTypedefName(CXCursor typedefCursor)
    {
        CXType underlying = LibClang.clang_getCanonicalType(LibClang.clang_getTypedefDeclUnderlyingType(typedefCursor));
        if (underlying.Kind != CXTypeKind.Record && underlying.Kind != CXTypeKind.Enum)
        {
            return;
        }

        string usr = LibClang.clang_getTypeDeclaration(underlying).Usr();
        m_typedefNamesByUsr.TryAdd(usr, typedefCursor.Spelling());
        string? comment = typedefCursor.RawComment();
        if (comment != null)
        {
            m_typedefCommentsByUsr.TryAdd(usr, comment);
        }
    }

    private string NameOf(CXCursor tagCursor, string header)
    {
        if (m_typedefNamesByUsr.TryGetValue(tagCursor.Usr(), out string? typedefName))
        {
            return typedefName;
        }

        if (LibClang.clang_Cursor_isAnonymous(tagCursor) != 0)
        {
            throw new BindingGeneratorException($"an anonymous enum or struct in {header} has no typedef name; give it one so the generated C# type can be named");
        }

        return tagCursor.Spelling();
    }

    private void Register(CXCursor tagCursor, CNamedDeclaration declaration)
    {
        m_typesByUsr.Add(tagCursor.Usr(), declaration);
        m_types.Add(declaration);
        NoteHeader(declaration.Header);
    }

    private void ReadEnum(CXCursor cursor, string header)
    {
        if (LibClang.clang_isCursorDefinition(cursor) == 0 || m_typesByUsr.ContainsKey(cursor.Usr()))
        {
            return;
        }

        string name = NameOf(cursor, header);
        CXTypeKind integerKind = LibClang.clang_getCanonicalType(LibClang.clang_getEnumDeclIntegerType(cursor)).Kind;
        bool unsignedValues = integerKind is CXTypeKind.UInt or CXTypeKind.ULong or CXTypeKind.ULongLong;
        var constants = new List<CEnumConstant>();
        foreach (CXCursor child in cursor.Children())
        {
            if (child.Kind == CXCursorKind.EnumConstantDecl)
            {
                // A value above long.MaxValue wraps to a negative number here and fails the 32-bit check below.
                long value = unsignedValues
                    ? unchecked((long)LibClang.clang_getEnumConstantDeclUnsignedValue(child))
                    : LibClang.clang_getEnumConstantDeclValue(child);
                constants.Add(new CEnumConstant(child.Spelling(), value, DocComment.Clean(child.RawComment())));
            }
        }

        // Compilers pick int or unsigned int for a C enum whose values fit in 32 bits. Both have the
        // size of a C# int, so the enum is emitted as int unless a value only fits in uint.
        bool fitsInt = constants.All(constant => constant.Value >= int.MinValue && constant.Value <= int.MaxValue);
        bool fitsUInt = constants.All(constant => constant.Value >= 0 && constant.Value <= uint.MaxValue);
        if (!fitsInt && !fitsUInt)
        {
            throw new BindingGeneratorException($"{name} ({header}): the enum's values do not fit in 32 bits; keep them within the int range");
        }

        string? documentation = DocComment.Clean(cursor.RawComment() ?? TypedefComment(cursor));
        Register(cursor, new CEnum(name, header, documentation, !fitsInt, constants));
    }

    private CStruct? ReadStruct(CXCursor cursor, string header)
    {
        // Forward declarations of opaque handles are read from their typedef in ReadHandle.
        if (LibClang.clang_isCursorDefinition(cursor) == 0 || m_typesByUsr.ContainsKey(cursor.Usr()))
        {
            return null;
        }

        string name = NameOf(cursor, header);
        var definition = new CStruct(name, header, DocComment.Clean(cursor.RawComment() ?? TypedefComment(cursor)));
        Register(cursor, definition);
        return definition;
    }

    private void ReadHandle(CXCursor typedefCursor, string header)
    {
        CXType underlying = LibClang.clang_getCanonicalType(LibClang.clang_getTypedefDeclUnderlyingType(typedefCursor));
        if (underlying.Kind != CXTypeKind.Record)
        {
            return;
        }

        CXCursor declaration = LibClang.clang_getTypeDeclaration(underlying);
        if (m_typesByUsr.ContainsKey(declaration.Usr()) || !LibClang.clang_getCursorDefinition(declaration).IsNull())
        {
            return;
        }

        Register(declaration, new CHandle(typedefCursor.Spelling(), header, DocComment.Clean(typedefCursor.RawComment())));
    }

    // For "typedef enum x {...} x;" libclang attaches the leading comment to the typedef, not to the tag.
    private string? TypedefComment(CXCursor tagCursor)
    {
        return m_typedefCommentsByUsr.GetValueOrDefault(tagCursor.Usr());
    }

    private void ReadFields(CXCursor cursor, CStruct definition)
    {
        foreach (CXCursor child in cursor.Children())
        {
            if (child.Kind == CXCursorKind.StructDecl || child.Kind == CXCursorKind.UnionDecl)
            {
                throw new BindingGeneratorException($"{definition.CName} ({definition.Header}): nested struct and union definitions are not supported; declare the inner type separately");
            }

            if (child.Kind != CXCursorKind.FieldDecl)
            {
                continue;
            }

            string fieldName = child.Spelling();
            if (LibClang.clang_Cursor_isBitField(child) != 0)
            {
                throw new BindingGeneratorException($"{definition.CName} ({definition.Header}): field '{fieldName}' is a bit-field, which has no portable layout; use a fixed-width integer");
            }

            CType type = Resolve(LibClang.clang_getCursorType(child));
            definition.Fields.Add(new CField(fieldName, type, DocComment.Clean(child.RawComment())));
        }
    }

    private void ReadFunction(CXCursor cursor, string header)
    {
        string name = cursor.Spelling();
        if (LibClang.clang_Cursor_getStorageClass(cursor) == LibClang.StorageClassStatic || m_functions.Any(function => function.CName == name))
        {
            return;
        }

        CXType functionType = LibClang.clang_getCursorType(cursor);
        if (functionType.Kind == CXTypeKind.FunctionNoProto)
        {
            throw new BindingGeneratorException($"{name} ({header}): the function has no prototype; declare it as {name}(void) when it takes no arguments");
        }

        if (LibClang.clang_isFunctionTypeVariadic(functionType) != 0)
        {
            throw new BindingGeneratorException($"{name} ({header}): variadic functions are not supported");
        }

        CType returnType = Resolve(LibClang.clang_getResultType(functionType));
        var parameters = new List<CParameter>();
        int count = LibClang.clang_Cursor_getNumArguments(cursor);
        for (uint i = 0; i < count; i++)
        {
            CXCursor argument = LibClang.clang_Cursor_getArgument(cursor, i);
            string parameterName = argument.Spelling();
            if (parameterName.Length == 0)
            {
                throw new BindingGeneratorException($"{name} ({header}): parameter {i + 1} has no name; name it, because the name decides whether it is an out parameter");
            }

            parameters.Add(new CParameter(parameterName, Resolve(LibClang.clang_getCursorType(argument))));
        }

        NoteHeader(header);
        m_functions.Add(new CFunction(name, header, DocComment.Clean(cursor.RawComment()), returnType, parameters, Signature(cursor)));
    }

    // The declaration as written, minus macro expansions before the function name (such as NERVA_API).
    private string Signature(CXCursor cursor)
    {
        CXSourceRange extent = LibClang.clang_getCursorExtent(cursor);
        (string? path, uint start) = ClangHelpers.Expansion(LibClang.clang_getRangeStart(extent));
        (_, uint end) = ClangHelpers.Expansion(LibClang.clang_getRangeEnd(extent));
        (_, uint nameOffset) = ClangHelpers.Expansion(LibClang.clang_getCursorLocation(cursor));
        if (path == null)
        {
            return cursor.Spelling();
        }

        path = Path.GetFullPath(path);
        byte[] contents = ReadFile(path);
        List<(uint Start, uint End)> macros = m_macroExpansions.GetValueOrDefault(path) ?? new List<(uint Start, uint End)>();

        var bytes = new List<byte>();
        uint position = start;
        while (position < end)
        {
            (uint Start, uint End) macro = macros.FirstOrDefault(range => range.Start == position && range.End <= nameOffset);
            if (macro.End > position)
            {
                position = macro.End;
                continue;
            }

            bytes.Add(contents[position]);
            position++;
        }

        return CollapseWhitespace(Encoding.UTF8.GetString(bytes.ToArray()));
    }

    private byte[] ReadFile(string path)
    {
        if (!m_fileContents.TryGetValue(path, out byte[]? contents))
        {
            contents = File.ReadAllBytes(path);
            m_fileContents.Add(path, contents);
        }

        return contents;
    }

    private static string CollapseWhitespace(string text)
    {
        return string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>Resolves a libclang type into the model, following typedefs until a known name or a builtin type.</summary>
    private CType Resolve(CXType type)
    {
        string spelling = type.Spelling();
        switch (type.Kind)
        {
            case CXTypeKind.Elaborated:
                return Resolve(LibClang.clang_Type_getNamedType(type)) with { Spelling = spelling };

            case CXTypeKind.Pointer:
                CXType pointee = LibClang.clang_getPointeeType(type);
                CXTypeKind pointeeKind = LibClang.clang_getCanonicalType(pointee).Kind;
                if (pointeeKind == CXTypeKind.FunctionProto || pointeeKind == CXTypeKind.FunctionNoProto)
                {
                    return new CUnsupportedType(spelling, "function pointers are not supported");
                }

                return new CPointerType(spelling, Resolve(pointee), LibClang.clang_isConstQualifiedType(pointee) != 0);

            case CXTypeKind.Typedef:
                string typedefName = ClangHelpers.Consume(LibClang.clang_getTypedefName(type));
                if (s_fixedWidthTypedefs.Contains(typedefName))
                {
                    return new CPrimitiveType(spelling, typedefName);
                }

                CXType canonical = LibClang.clang_getCanonicalType(type);
                if (canonical.Kind == CXTypeKind.Record || canonical.Kind == CXTypeKind.Enum)
                {
                    return ResolveTag(canonical, spelling);
                }

                CXCursor typedefCursor = LibClang.clang_getTypeDeclaration(type);
                return Resolve(LibClang.clang_getTypedefDeclUnderlyingType(typedefCursor)) with { Spelling = spelling };

            case CXTypeKind.Record:
            case CXTypeKind.Enum:
                return ResolveTag(type, spelling);

            case CXTypeKind.Void:
                return new CPrimitiveType(spelling, "void");
            case CXTypeKind.CharS:
            case CXTypeKind.CharU:
                return new CPrimitiveType(spelling, "char");
            case CXTypeKind.Float:
                return new CPrimitiveType(spelling, "float");
            case CXTypeKind.Double:
                return new CPrimitiveType(spelling, "double");

            case CXTypeKind.Bool:
                return new CUnsupportedType(spelling, "_Bool has no fixed size in every C ABI; use int32_t or uint8_t");
            case CXTypeKind.SChar:
            case CXTypeKind.UChar:
            case CXTypeKind.Short:
            case CXTypeKind.UShort:
            case CXTypeKind.Int:
            case CXTypeKind.UInt:
            case CXTypeKind.Long:
            case CXTypeKind.ULong:
            case CXTypeKind.LongLong:
            case CXTypeKind.ULongLong:
                return new CUnsupportedType(spelling, PlainIntegerReason);
            case CXTypeKind.LongDouble:
                return new CUnsupportedType(spelling, "long double has no C# equivalent; use double");
            case CXTypeKind.FunctionProto:
            case CXTypeKind.FunctionNoProto:
                return new CUnsupportedType(spelling, "function types are not supported");
            case CXTypeKind.ConstantArray:
            case CXTypeKind.IncompleteArray:
                return new CUnsupportedType(spelling, "arrays are not supported; pass a pointer and an element count");
            default:
                return new CUnsupportedType(spelling, $"libclang type kind {(int)type.Kind} is not supported");
        }
    }

    private CType ResolveTag(CXType type, string spelling)
    {
        string usr = LibClang.clang_getTypeDeclaration(type).Usr();
        if (m_typesByUsr.TryGetValue(usr, out CNamedDeclaration? declaration))
        {
            return new CNamedType(spelling, declaration);
        }

        return new CUnsupportedType(spelling, "the type is not declared in a Nerva header, so no C# type is generated for it");
    }
}
