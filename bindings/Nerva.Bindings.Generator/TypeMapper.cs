using System;
using System.Collections.Generic;
using Nerva.Bindings.Generator.Model;

namespace Nerva.Bindings.Generator;

/// <summary>
/// A C# parameter declaration (modifier, type and escaped name) such as <c>out long out_rows</c>;
/// <c>IsUtf8String</c> is true for a <c>string</c> that LibraryImport marshals as UTF-8.
/// </summary>
internal sealed record MappedParameter(string Declaration, bool IsUtf8String);

/// <summary>
/// Maps C types to C# types that LibraryImport accepts under <c>DisableRuntimeMarshalling</c>:
/// blittable types, SafeHandles, <c>string</c> and <c>out</c> of those. Anything else is an error.
/// </summary>
internal static class TypeMapper
{
    private static readonly Dictionary<string, string> s_scalars = new(StringComparer.Ordinal)
    {
        ["int8_t"] = "sbyte",
        ["int16_t"] = "short",
        ["int32_t"] = "int",
        ["int64_t"] = "long",
        ["uint8_t"] = "byte",
        ["uint16_t"] = "ushort",
        ["uint32_t"] = "uint",
        ["uint64_t"] = "ulong",
        ["size_t"] = "nuint",
        ["ptrdiff_t"] = "nint",
        ["intptr_t"] = "nint",
        ["uintptr_t"] = "nuint",
        ["float"] = "float",
        ["double"] = "double",
    };

    /// <summary>True for a parameter named <c>out</c> or starting with <c>out_</c>, which the call writes.</summary>
    public static bool IsOutName(string name) => name == "out" || name.StartsWith("out_", StringComparison.Ordinal);

    /// <summary>Maps a function's return type.</summary>
    public static string MapReturn(CFunction function)
    {
        string Fail(string reason) => throw Error(function, "the return type", function.ReturnType, reason);

        switch (function.ReturnType)
        {
            case CPrimitiveType { Name: "void" }:
                return "void";
            case CPointerType { Pointee: CNamedType { Declaration: CHandle } }:
                return Fail("returning a handle is not supported; return it through a parameter named out");
            case CPointerType pointer:
                return RawPointee(pointer.Pointee, Fail) + "*";
            default:
                return Value(function.ReturnType, Fail);
        }
    }

    /// <summary>
    /// Maps one parameter of a function. <paramref name="isDestroyTarget"/> is true for the handle
    /// parameter of a <c>nerva_X_destroy</c> function, which takes <c>nint</c> because a SafeHandle
    /// cannot pass itself while it is being released.
    /// </summary>
    public static MappedParameter MapParameter(CFunction function, CParameter parameter, bool isDestroyTarget)
    {
        string Fail(string reason) => throw Error(function, $"parameter '{parameter.CName}'", parameter.Type, reason);

        string name = Naming.Identifier(parameter.CName);
        if (parameter.Type is not CPointerType pointer)
        {
            return new MappedParameter($"{Value(parameter.Type, Fail)} {name}", false);
        }

        bool isOut = IsOutName(parameter.CName) && !pointer.PointeeIsConst;
        switch (pointer.Pointee)
        {
            // nerva_X* and const nerva_X*: a SafeHandle, except in the destroy function that the SafeHandle calls.
            case CNamedType { Declaration: CHandle handle }:
                return new MappedParameter($"{(isDestroyTarget ? "nint" : Naming.TypeName(handle))} {name}", false);

            // nerva_X** out: the call creates a handle.
            case CPointerType { Pointee: CNamedType { Declaration: CHandle handle } }:
                if (!isOut)
                {
                    Fail("a pointer to a handle pointer is only supported as an output named out or out_*");
                }

                return new MappedParameter($"out {Naming.TypeName(handle)} {name}", false);

            // const char*: an input string, copied to UTF-8 for the duration of the call.
            case CPrimitiveType { Name: "char" } when pointer.PointeeIsConst:
                return new MappedParameter($"string {name}", true);

            // char*: a caller buffer the call writes into.
            case CPrimitiveType { Name: "char" }:
                return new MappedParameter($"byte* {name}", false);

            case CPrimitiveType { Name: "void" }:
                return new MappedParameter($"void* {name}", false);

            // T* out for a scalar, enum, struct or pointer T: the call writes one T.
            default:
                string pointee = RawPointee(pointer.Pointee, Fail);
                return new MappedParameter(isOut ? $"out {pointee} {name}" : $"{pointee}* {name}", false);
        }
    }

    /// <summary>Maps a struct field to its C# type.</summary>
    public static string MapField(CStruct owner, CField field)
    {
        string Fail(string reason) => throw new BindingGeneratorException(
            $"{owner.CName} ({owner.Header}): field '{field.CName}' has type '{field.Type.Spelling}', which has no C# mapping: {reason}");

        if (field.Type is CPointerType pointer)
        {
            if (pointer.Pointee is CNamedType { Declaration: CHandle })
            {
                Fail("handles inside structs are not supported; pass the handle as a function parameter");
            }

            return RawPointee(pointer.Pointee, Fail) + "*";
        }

        return Value(field.Type, Fail);
    }

    // A type passed or stored by value.
    private static string Value(CType type, Func<string, string> fail)
    {
        switch (type)
        {
            case CPrimitiveType { Name: "void" }:
                return fail("void is only valid as a return type or behind a pointer");
            case CPrimitiveType { Name: "char" }:
                return fail("plain char by value has no fixed signedness; use int8_t or uint8_t");
            case CPrimitiveType primitive:
                return s_scalars.TryGetValue(primitive.Name, out string? scalar) ? scalar : fail($"no C# type is defined for {primitive.Name}");
            case CNamedType { Declaration: CHandle }:
                return fail("an opaque handle cannot be passed by value; pass a pointer to it");
            case CNamedType named:
                return Naming.TypeName(named.Declaration);
            case CUnsupportedType unsupported:
                return fail(unsupported.Reason);
            default:
                return fail("pointers are not valid here");
        }
    }

    // The C# spelling of T in an unmanaged pointer T*.
    private static string RawPointee(CType pointee, Func<string, string> fail)
    {
        switch (pointee)
        {
            case CPrimitiveType { Name: "void" }:
                return "void";
            case CPrimitiveType { Name: "char" }:
                return "byte";
            case CNamedType { Declaration: CHandle }:
                // TODO: arrays of handles (nerva_X* const*) need a nint* mapping and a facade that keeps the SafeHandles alive.
                return fail("handles are only supported as nerva_X* parameters and nerva_X** outputs");
            case CPointerType inner:
                return RawPointee(inner.Pointee, fail) + "*";
            default:
                return Value(pointee, fail);
        }
    }

    private static BindingGeneratorException Error(CFunction function, string what, CType type, string reason)
    {
        return new BindingGeneratorException($"{function.CName} ({function.Header}): {what} has type '{type.Spelling}', which has no C# mapping: {reason}");
    }
}
