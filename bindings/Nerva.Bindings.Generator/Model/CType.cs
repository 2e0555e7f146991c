namespace Nerva.Bindings.Generator.Model;

/// <summary>A C type as the reader resolved it, independent of libclang.</summary>
/// <param name="Spelling">The type as written in the header, for comments and error messages.</param>
internal abstract record CType(string Spelling);

/// <summary>
/// A scalar named by the header: <c>void</c>, <c>char</c>, <c>float</c>, <c>double</c>, or a
/// <c>stdint.h</c>/<c>stddef.h</c> typedef such as <c>int64_t</c> or <c>size_t</c>.
/// </summary>
/// <param name="Name">The C name, for example <c>int64_t</c>.</param>
internal sealed record CPrimitiveType(string Spelling, string Name) : CType(Spelling);

/// <summary>A pointer.</summary>
/// <param name="Pointee">The pointed-to type.</param>
/// <param name="PointeeIsConst">True for <c>const T*</c>.</param>
internal sealed record CPointerType(string Spelling, CType Pointee, bool PointeeIsConst) : CType(Spelling);

/// <summary>An enum, struct or opaque handle declared in a Nerva header.</summary>
/// <param name="Declaration">The declaration it refers to.</param>
internal sealed record CNamedType(string Spelling, CNamedDeclaration Declaration) : CType(Spelling);

/// <summary>A type with no C# mapping, such as <c>long double</c> or a function pointer.</summary>
/// <param name="Reason">Why the type has no mapping and what to use instead.</param>
internal sealed record CUnsupportedType(string Spelling, string Reason) : CType(Spelling);
