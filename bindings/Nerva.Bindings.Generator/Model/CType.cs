namespace Nerva.Bindings.Generator.Model;

/// <summary>
/// A C type as the reader resolved it, independent of libclang. <c>Spelling</c> is the type as
/// written in the header, for comments and error messages.
/// </summary>
internal abstract record CType(string Spelling);

/// <summary>
/// A scalar named by the header: <c>void</c>, <c>char</c>, <c>float</c>, <c>double</c>, or a
/// <c>stdint.h</c>/<c>stddef.h</c> typedef such as <c>int64_t</c> or <c>size_t</c>, stored in <c>Name</c>.
/// </summary>
internal sealed record CPrimitiveType(string Spelling, string Name) : CType(Spelling);

/// <summary>A pointer; <c>PointeeIsConst</c> is true for <c>const T*</c>.</summary>
internal sealed record CPointerType(string Spelling, CType Pointee, bool PointeeIsConst) : CType(Spelling);

/// <summary>A reference to an enum, struct or opaque handle declared in a Nerva header.</summary>
internal sealed record CNamedType(string Spelling, CNamedDeclaration Declaration) : CType(Spelling);

/// <summary>
/// A type with no C# mapping, such as <c>long double</c> or a function pointer. <c>Reason</c> explains
/// why and what to use instead. Using the type in a binding raises an error with that reason.
/// </summary>
internal sealed record CUnsupportedType(string Spelling, string Reason) : CType(Spelling);
