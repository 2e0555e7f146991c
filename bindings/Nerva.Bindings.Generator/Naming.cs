using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Nerva.Bindings.Generator.Model;

namespace Nerva.Bindings.Generator;

/// <summary>Derives C# names from C names.</summary>
internal static class Naming
{
    private const string LibraryPrefix = "nerva_";

    // Reserved C# keywords; a C name equal to one of them is emitted with a leading @.
    private static readonly HashSet<string> s_keywords = new(StringComparer.Ordinal)
    {
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked",
        "class", "const", "continue", "decimal", "default", "delegate", "do", "double", "else",
        "enum", "event", "explicit", "extern", "false", "finally", "fixed", "float", "for",
        "foreach", "goto", "if", "implicit", "in", "int", "interface", "internal", "is", "lock",
        "long", "namespace", "new", "null", "object", "operator", "out", "override", "params",
        "private", "protected", "public", "readonly", "ref", "return", "sbyte", "sealed",
        "short", "sizeof", "stackalloc", "static", "string", "struct", "switch", "this", "throw",
        "true", "try", "typeof", "uint", "ulong", "unchecked", "unsafe", "ushort", "using",
        "virtual", "void", "volatile", "while",
    };

    /// <summary>Returns the name with a leading <c>@</c> when it is a reserved C# keyword.</summary>
    public static string Identifier(string name) => s_keywords.Contains(name) ? "@" + name : name;

    /// <summary>
    /// Converts a snake_case or SCREAMING_CASE name to PascalCase: <c>nerva_scalar_type</c> becomes
    /// <c>NervaScalarType</c> and <c>INVALID_ARGUMENT</c> becomes <c>InvalidArgument</c>. A name with any
    /// lower-case letter keeps its inner capitals, so <c>out_DX</c> becomes <c>OutDX</c>.
    /// </summary>
    public static string PascalCase(string name)
    {
        bool screamingCase = !name.Any(char.IsLower);
        var builder = new StringBuilder(name.Length);
        foreach (string segment in name.Split('_', StringSplitOptions.RemoveEmptyEntries))
        {
            string rest = screamingCase ? segment.Substring(1).ToLowerInvariant() : segment.Substring(1);
            builder.Append(char.ToUpperInvariant(segment[0])).Append(rest);
        }

        return builder.ToString();
    }

    /// <summary>Returns the C# name of an enum, struct or handle declaration.</summary>
    public static string TypeName(CNamedDeclaration declaration)
    {
        return declaration is CHandle ? HandleTypeName(declaration.CName) : PascalCase(declaration.CName);
    }

    /// <summary>Returns the SafeHandle class name of a handle typedef: <c>nerva_some_thing</c> becomes <c>SomeThingHandle</c>.</summary>
    public static string HandleTypeName(string cName)
    {
        string stem = cName.StartsWith(LibraryPrefix, StringComparison.Ordinal) ? cName.Substring(LibraryPrefix.Length) : cName;
        return PascalCase(stem) + "Handle";
    }

    /// <summary>Returns the name of the function that frees a handle type.</summary>
    public static string DestroyFunctionName(string handleCName) => handleCName + "_destroy";

    /// <summary>
    /// Returns the C# member names of enum constants: the longest prefix of whole underscore-separated
    /// segments that all constants share is removed and the rest is PascalCased, so
    /// <c>NERVA_STATUS_OK</c> and <c>NERVA_STATUS_INVALID_ARGUMENT</c> become <c>Ok</c> and <c>InvalidArgument</c>.
    /// The prefix is shortened when removing it would leave an empty name or one starting with a digit.
    /// </summary>
    public static IReadOnlyList<string> EnumMemberNames(IReadOnlyList<string> constantNames)
    {
        if (constantNames.Count == 0)
        {
            return Array.Empty<string>();
        }

        string[][] segments = constantNames.Select(name => name.Split('_')).ToArray();
        int prefixLength = segments.Min(parts => parts.Length) - 1;
        for (int i = 0; i < prefixLength; i++)
        {
            string first = segments[0][i];
            if (segments.Any(parts => parts[i] != first))
            {
                prefixLength = i;
                break;
            }
        }

        while (prefixLength > 0 && segments.Any(parts => StartsWithDigit(parts, prefixLength)))
        {
            prefixLength--;
        }

        return segments.Select(parts => PascalCase(string.Join('_', parts.Skip(prefixLength)))).ToArray();
    }

    private static bool StartsWithDigit(string[] parts, int index)
    {
        string remainder = string.Join('_', parts.Skip(index)).TrimStart('_');
        return remainder.Length == 0 || char.IsDigit(remainder[0]);
    }
}
