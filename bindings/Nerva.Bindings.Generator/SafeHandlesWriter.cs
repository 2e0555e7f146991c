using System.Collections.Generic;
using System.Linq;
using Nerva.Bindings.Generator.Model;

namespace Nerva.Bindings.Generator;

/// <summary>Writes SafeHandles.g.cs: one SafeHandle class per opaque handle type, freed by its destroy function.</summary>
internal static class SafeHandlesWriter
{
    /// <summary>Returns the text of SafeHandles.g.cs.</summary>
    public static string Write(CHeaderSet headers, IReadOnlyDictionary<CHandle, CFunction> destroyFunctions, IEnumerable<string> fileHeader)
    {
        var writer = new CodeWriter();
        foreach (string line in fileHeader)
        {
            writer.Line(line);
        }

        writer.Line();
        writer.Line("using System;");
        writer.Line("using System.Runtime.InteropServices;");
        writer.Line();
        writer.Line("namespace Nerva.Interop;");

        foreach (string header in headers.Headers)
        {
            List<CHandle> handles = headers.Types.OfType<CHandle>().Where(handle => handle.Header == header).ToList();
            if (handles.Count == 0)
            {
                continue;
            }

            writer.Line();
            writer.Line($"// ---- {header} ----");
            foreach (CHandle handle in handles)
            {
                writer.Line();
                WriteHandle(writer, handle, destroyFunctions[handle]);
            }
        }

        return writer.ToString();
    }

    private static void WriteHandle(CodeWriter writer, CHandle handle, CFunction destroy)
    {
        string className = Naming.TypeName(handle);
        bool returnsValue = destroy.ReturnType is not CPrimitiveType { Name: "void" };

        writer.Summary(handle.Documentation);
        writer.Line($"/// <remarks>Owns a <c>{handle.CName}*</c> and frees it with <c>{destroy.CName}</c>.</remarks>");
        writer.Line($"internal sealed class {className} : SafeHandle");
        writer.Open();
        writer.Line("/// <summary>Creates an invalid handle, for a native call to fill through an out parameter.</summary>");
        writer.Line($"public {className}()");
        writer.Line("    : base(IntPtr.Zero, ownsHandle: true)");
        writer.Open();
        writer.Close();
        writer.Line();
        writer.Line("/// <inheritdoc/>");
        writer.Line("public override bool IsInvalid => handle == IntPtr.Zero;");
        writer.Line();
        writer.Line("/// <inheritdoc/>");
        writer.Line("protected override bool ReleaseHandle()");
        writer.Open();
        if (returnsValue)
        {
            writer.Line("// A release cannot report failure, so the status is discarded.");
            writer.Line($"_ = NativeMethods.{destroy.CName}(handle);");
        }
        else
        {
            writer.Line($"NativeMethods.{destroy.CName}(handle);");
        }

        writer.Line("return true;");
        writer.Close();
        writer.Close();
    }
}
