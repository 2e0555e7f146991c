using System.Runtime.InteropServices.Marshalling;

namespace Nerva.Interop;

/// <summary>Turns native status codes into exceptions that carry the native message.</summary>
internal static class Status
{
    /// <summary>Returns when <paramref name="status"/> is Ok and throws the matching exception otherwise.</summary>
    internal static void Check(NervaStatus status)
    {
        if (status != NervaStatus.Ok)
        {
            throw CreateException(status);
        }
    }

    /// <summary>Reads a UTF-8 string that the native library owns, without freeing it.</summary>
    internal static unsafe string ReadBorrowedString(byte* text)
    {
        return Utf8StringMarshaller.ConvertToManaged(text) ?? string.Empty;
    }

    private static unsafe Exception CreateException(NervaStatus status)
    {
        string message = ReadBorrowedString(NativeMethods.nerva_last_error_message());
        string argument = ReadBorrowedString(NativeMethods.nerva_last_error_argument());
        if (message.Length == 0)
        {
            message = $"The native call failed with status {status} and no message.";
        }

        NervaError error = (NervaError)(int)status;
        Exception exception = status switch
        {
            NervaStatus.InvalidArgument or NervaStatus.ShapeMismatch =>
                new ArgumentException(message, ManagedParameterName(argument)),
            NervaStatus.OutOfMemory => new OutOfMemoryException(message),
            _ => new NervaException(Enum.IsDefined(error) ? error : NervaError.InternalError, message),
        };
        exception.Data[NervaException.ErrorKey] = error;
        return exception;
    }

    // Native outputs are named out_Y; the managed parameter is Y.
    private static string? ManagedParameterName(string argument)
    {
        if (argument.Length == 0)
        {
            return null;
        }

        return argument.StartsWith("out_", StringComparison.Ordinal) ? argument["out_".Length..] : argument;
    }
}
