using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using Nerva.Bindings.Generator;

namespace Nerva.Bindings.Cli;

/// <summary>Command-line entry point that writes the generated interop files.</summary>
public static class Program
{
    private const string Usage =
        "usage: nerva-bindgen --header FILE --include DIR --output DIR\n" +
        "  --header FILE   umbrella C header, for example native/include/nerva/nerva.h\n" +
        "  --include DIR   include directory passed to libclang as -I, for example native/include\n" +
        "  --output DIR    folder that receives " + BindingGenerator.NativeMethodsFileName + " and " + BindingGenerator.SafeHandlesFileName;

    /// <summary>Generates the bindings; exits with 0 on success, 1 when generation fails and 2 on a usage error.</summary>
    public static int Main(string[] args)
    {
        Dictionary<string, string>? options = ParseOptions(args);
        if (options == null)
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }

        string header = options["--header"];
        string include = options["--include"];
        string output = options["--output"];
        Console.Error.WriteLine($"nerva-bindgen: header {header}, include {include}, output {output}");

        IReadOnlyDictionary<string, string> files;
        try
        {
            files = BindingGenerator.Generate(header, include);
        }
        catch (BindingGeneratorException exception)
        {
            Console.Error.WriteLine($"nerva-bindgen: error: {exception.Message}");
            return 1;
        }

        Directory.CreateDirectory(output);
        var utf8WithoutBom = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        foreach ((string name, string text) in files)
        {
            string path = Path.Combine(output, name);
            File.WriteAllText(path, text, utf8WithoutBom);
            Console.WriteLine(path);
        }

        return 0;
    }

    // Returns the three required options, or null when an option is unknown, repeated, missing or has no value.
    private static Dictionary<string, string>? ParseOptions(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 0; i < args.Length; i++)
        {
            string name = args[i];
            bool known = name == "--header" || name == "--include" || name == "--output";
            if (!known)
            {
                Console.Error.WriteLine($"nerva-bindgen: unknown option '{name}'");
                return null;
            }

            if (i + 1 >= args.Length || options.ContainsKey(name))
            {
                Console.Error.WriteLine($"nerva-bindgen: option '{name}' needs exactly one value");
                return null;
            }

            options[name] = args[++i];
        }

        foreach (string required in new[] { "--header", "--include", "--output" })
        {
            if (!options.ContainsKey(required))
            {
                Console.Error.WriteLine($"nerva-bindgen: missing option '{required}'");
                return null;
            }
        }

        return options;
    }
}
