using System.Collections.Generic;
using System.Linq;
using Nerva.Bindings.Generator.Model;

namespace Nerva.Bindings.Generator;

/// <summary>Writes NativeMethods.g.cs: per header, its enums, its structs and a NativeMethods part with its functions.</summary>
internal static class NativeMethodsWriter
{
    /// <summary>Returns the text of NativeMethods.g.cs.</summary>
    public static string Write(CHeaderSet headers, IReadOnlyDictionary<CHandle, CFunction> destroyFunctions, IEnumerable<string> fileHeader)
    {
        var destroyFunctionNames = new HashSet<string>(destroyFunctions.Values.Select(function => function.CName));
        var writer = new CodeWriter();
        foreach (string line in fileHeader)
        {
            writer.Line(line);
        }

        writer.Line();
        writer.Line("using System.Runtime.InteropServices;");
        writer.Line();
        writer.Line("namespace Nerva.Interop;");
        writer.Line();
        writer.Line("/// <summary>Entry points of the Nerva native library, one LibraryImport per exported C function.</summary>");
        writer.Line("internal static unsafe partial class NativeMethods");
        writer.Open();
        writer.Line("/// <summary>File name stem of the native library that exports the Nerva C ABI.</summary>");
        writer.Line("internal const string LibraryName = \"nerva_native\";");
        writer.Close();

        foreach (string header in headers.Headers)
        {
            List<CFunction> functions = headers.Functions.Where(function => function.Header == header).ToList();
            List<CNamedDeclaration> types = headers.Types.Where(type => type.Header == header && type is not CHandle).ToList();
            if (functions.Count == 0 && types.Count == 0)
            {
                continue;
            }

            writer.Line();
            writer.Line($"// ---- {header} ----");
            foreach (CNamedDeclaration type in types)
            {
                writer.Line();
                if (type is CEnum enumeration)
                {
                    WriteEnum(writer, enumeration);
                }
                else if (type is CStruct structure)
                {
                    WriteStruct(writer, structure);
                }
            }

            if (functions.Count > 0)
            {
                writer.Line();
                writer.Line("internal static unsafe partial class NativeMethods");
                writer.Open();
                for (int i = 0; i < functions.Count; i++)
                {
                    if (i > 0)
                    {
                        writer.Line();
                    }

                    WriteFunction(writer, functions[i], destroyFunctionNames.Contains(functions[i].CName));
                }

                writer.Close();
            }
        }

        return writer.ToString();
    }

    private static void WriteEnum(CodeWriter writer, CEnum enumeration)
    {
        IReadOnlyList<string> memberNames = Naming.EnumMemberNames(enumeration.Constants.Select(constant => constant.CName).ToList());
        writer.Summary(enumeration.Documentation);
        writer.Line($"// C: {enumeration.CName}");
        writer.Line($"internal enum {Naming.TypeName(enumeration)} : {(enumeration.IsUnsigned ? "uint" : "int")}");
        writer.Open();
        for (int i = 0; i < enumeration.Constants.Count; i++)
        {
            CEnumConstant constant = enumeration.Constants[i];
            if (i > 0)
            {
                writer.Line();
            }

            writer.Summary(constant.Documentation);
            writer.Line($"// C: {constant.CName}");
            writer.Line($"{memberNames[i]} = {constant.Value},");
        }

        writer.Close();
    }

    private static void WriteStruct(CodeWriter writer, CStruct structure)
    {
        List<string> fieldTypes = structure.Fields.Select(field => TypeMapper.MapField(structure, field)).ToList();
        bool hasPointers = fieldTypes.Any(type => type.EndsWith('*'));

        writer.Summary(structure.Documentation);
        writer.Line($"// C: {structure.CName}");
        writer.Line("[StructLayout(LayoutKind.Sequential)]");
        writer.Line($"internal {(hasPointers ? "unsafe " : string.Empty)}struct {Naming.TypeName(structure)}");
        writer.Open();
        for (int i = 0; i < structure.Fields.Count; i++)
        {
            CField field = structure.Fields[i];
            if (i > 0)
            {
                writer.Line();
            }

            writer.Summary(field.Documentation);
            writer.Line($"// C: {field.Type.Spelling} {field.CName}");
            writer.Line($"internal {fieldTypes[i]} {Naming.Identifier(Naming.PascalCase(field.CName))};");
        }

        writer.Close();
    }

    private static void WriteFunction(CodeWriter writer, CFunction function, bool isDestroyFunction)
    {
        string returnType = TypeMapper.MapReturn(function);
        List<MappedParameter> parameters = function.Parameters
            .Select((parameter, index) => TypeMapper.MapParameter(function, parameter, isDestroyFunction && index == 0))
            .ToList();
        string stringMarshalling = parameters.Any(parameter => parameter.IsUtf8String) ? ", StringMarshalling = StringMarshalling.Utf8" : string.Empty;

        writer.Summary(function.Documentation);
        writer.Line($"// C: {function.Signature}");
        writer.Line($"[LibraryImport(LibraryName, EntryPoint = \"{function.CName}\"{stringMarshalling})]");
        writer.Line($"internal static partial {returnType} {function.CName}({string.Join(", ", parameters.Select(parameter => parameter.Declaration))});");
    }
}
