using System.Collections.Generic;

namespace Nerva.Bindings.Generator.Model;

/// <summary>
/// A declaration read from a Nerva header. <c>CName</c> is the typedef name when there is one,
/// <c>Header</c> the header path relative to the include directory with forward slashes, and
/// <c>Documentation</c> the attached C comment without comment markers, or null.
/// </summary>
internal abstract record CDeclaration(string CName, string Header, string? Documentation);

/// <summary>A declaration that a parameter, field or return type can name.</summary>
internal abstract record CNamedDeclaration(string CName, string Header, string? Documentation)
    : CDeclaration(CName, Header, Documentation);

/// <summary>One constant of a C enum.</summary>
internal sealed record CEnumConstant(string CName, long Value, string? Documentation);

/// <summary>A C enum; <c>IsUnsigned</c> is true when a value fits in <c>uint</c> but not in <c>int</c>.</summary>
internal sealed record CEnum(string CName, string Header, string? Documentation, bool IsUnsigned, IReadOnlyList<CEnumConstant> Constants)
    : CNamedDeclaration(CName, Header, Documentation);

/// <summary>One field of a C struct.</summary>
internal sealed record CField(string CName, CType Type, string? Documentation);

/// <summary>A C struct with a definition, passed by value or through a pointer.</summary>
internal sealed record CStruct(string CName, string Header, string? Documentation)
    : CNamedDeclaration(CName, Header, Documentation)
{
    /// <summary>The fields in declaration order; filled after the struct is registered so fields may name it.</summary>
    public List<CField> Fields { get; } = new();
}

/// <summary>An opaque struct typedef (<c>typedef struct nerva_x nerva_x;</c> with no definition).</summary>
internal sealed record CHandle(string CName, string Header, string? Documentation)
    : CNamedDeclaration(CName, Header, Documentation);

/// <summary>One parameter of a C function.</summary>
internal sealed record CParameter(string CName, CType Type);

/// <summary>
/// An exported C function. <c>Signature</c> is the declaration as written, with whitespace collapsed
/// and without export macros or the final semicolon.
/// </summary>
internal sealed record CFunction(string CName, string Header, string? Documentation, CType ReturnType, IReadOnlyList<CParameter> Parameters, string Signature)
    : CDeclaration(CName, Header, Documentation);

/// <summary>Everything the reader found in the Nerva headers, in header order and then declaration order.</summary>
internal sealed record CHeaderSet(IReadOnlyList<string> Headers, IReadOnlyList<CNamedDeclaration> Types, IReadOnlyList<CFunction> Functions);
