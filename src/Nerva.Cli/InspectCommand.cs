using System.CommandLine;
using System.Text;
using Nerva.Data;

namespace Nerva.Cli;

/// <summary>nerva inspect: lists the arrays of an .npz file with their shapes and element types.</summary>
internal static class InspectCommand
{
    private static readonly Argument<string> File = new("file") { Description = "The .npz file" };

    public static Command Create(TextWriter output)
    {
        var command = new Command("inspect", "List the arrays of an .npz file (names, shapes, element types)") { File };
        command.SetAction(parse =>
        {
            string path = parse.GetRequiredValue(File);
            SharedOptions.RequireNonEmptyPath(File.Name, path, "the .npz file to list");
            IReadOnlyDictionary<string, NpyArray> arrays = Npz.Load(path);
            int width = Math.Max(4, arrays.Keys.Select(name => name.Length).DefaultIfEmpty(0).Max());
            output.WriteLine($"{"name".PadRight(width)}  {"shape",-14}  dtype");
            foreach ((string name, NpyArray array) in arrays)
            {
                output.WriteLine($"{name.PadRight(width)}  {array.FormatShape(),-14}  {array.DType}");
            }

            if (arrays.TryGetValue("architecture", out NpyArray? architecture) && architecture.DType == NpyDType.UInt8)
            {
                output.WriteLine();
                output.WriteLine(Encoding.UTF8.GetString(architecture.ToArray<byte>()));
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
