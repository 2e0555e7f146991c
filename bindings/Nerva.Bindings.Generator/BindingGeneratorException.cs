using System;

namespace Nerva.Bindings.Generator;

/// <summary>
/// Raised when a header cannot be turned into bindings: it does not compile, it uses a C type
/// with no C# mapping, or a handle type has no matching destroy function.
/// </summary>
public sealed class BindingGeneratorException : Exception
{
    /// <summary>Creates an exception with a message that names the declaration and what to change.</summary>
    public BindingGeneratorException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception that wraps the error that caused it.</summary>
    public BindingGeneratorException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
