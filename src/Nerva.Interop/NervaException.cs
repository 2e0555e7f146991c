namespace Nerva;

/// <summary>The kind of failure that the native library reported.</summary>
public enum NervaError
{
    /// <summary>An argument is invalid.</summary>
    InvalidArgument = 1,

    /// <summary>The shapes of the arguments do not fit together.</summary>
    ShapeMismatch = 2,

    /// <summary>A native memory allocation failed.</summary>
    OutOfMemory = 3,

    /// <summary>The call is not valid in the object's current state.</summary>
    InvalidOperation = 4,

    /// <summary>An unexpected failure inside the native library.</summary>
    InternalError = 5,

    /// <summary>The native library's ABI version differs from the one these bindings were generated for.</summary>
    AbiMismatch = 100,
}

/// <summary>
/// A failure reported by the native Nerva library that is not an invalid argument or a lack of memory.
/// Invalid arguments and shape mismatches raise <see cref="ArgumentException"/> instead, and a failed
/// allocation raises <see cref="OutOfMemoryException"/>; each of them carries the <see cref="NervaError"/>
/// in <see cref="Exception.Data"/> under <see cref="ErrorKey"/>.
/// </summary>
public sealed class NervaException : Exception
{
    /// <summary>The key of the <see cref="NervaError"/> in <see cref="Exception.Data"/>.</summary>
    public const string ErrorKey = "Nerva.Error";

    /// <summary>Creates an exception with the error kind and the native message.</summary>
    public NervaException(NervaError error, string message)
        : base(message)
    {
        Error = error;
        Data[ErrorKey] = error;
    }

    /// <summary>The kind of failure.</summary>
    public NervaError Error { get; }
}
