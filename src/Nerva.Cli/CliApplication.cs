using System.CommandLine;
using System.CommandLine.Parsing;
using Nerva.Data;
using Nerva.Specification;

namespace Nerva.Cli;

/// <summary>The nerva command line: parses arguments, runs a command, and turns every failure into one line on stderr and an exit code.</summary>
internal static class CliApplication
{
    /// <summary>Runs the command line <paramref name="args"/> and returns the exit code.</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var root = new RootCommand("nerva: train and evaluate multilayer perceptrons as the Nerva specification defines them")
        {
            TrainCommand.Create(output, error),
            EvaluateCommand.Create(output, error),
            InspectCommand.Create(output),
        };

        ParseResult parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            string command = parse.CommandResult.Command == root ? "nerva" : $"nerva {parse.CommandResult.Command.Name}";
            string messages = string.Join("; ", parse.Errors.Select(DescribeParseError).Distinct(StringComparer.Ordinal));
            error.WriteLine($"nerva: {messages}; run '{command} --help' for the options");
            return ExitCodes.Usage;
        }

        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (Exception exception)
        {
            error.WriteLine($"nerva: {Describe(exception)}");
            return ToExitCode(exception);
        }
    }

    // Returns a parse error as one line, prefixed with its option unless the message already names it.
    // System.CommandLine messages may span lines (the valid values of AcceptOnlyFromAmong) and end with a period.
    private static string DescribeParseError(ParseError parseError)
    {
        string message = string.Join(' ', parseError.Message.Split((char[])['\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).TrimEnd('.');
        SymbolResult? symbol = parseError.SymbolResult;
        if (symbol is ArgumentResult { Parent: OptionResult parent })
        {
            symbol = parent;
        }

        return symbol is OptionResult option && !message.Contains(option.Option.Name, StringComparison.Ordinal)
            ? $"{option.Option.Name}: {message}"
            : message;
    }

    // Usage errors come from the options; everything else happened while running.
    private static int ToExitCode(Exception exception) =>
        exception is UsageException or SpecificationException ? ExitCodes.Usage : ExitCodes.Failure;

    private static string Describe(Exception exception) => exception switch
    {
        ArgumentException argument when argument.ParamName is not null =>
            argument.Message.Replace($" (Parameter '{argument.ParamName}')", string.Empty, StringComparison.Ordinal),
        UsageException or SpecificationException or DataFormatException or DataSetNotFoundException or IOException
            or UnauthorizedAccessException or NervaException or NotSupportedException or OutOfMemoryException => exception.Message,
        _ => $"internal error ({exception.GetType().Name}): {exception.Message}; please report it with the command line",
    };
}
