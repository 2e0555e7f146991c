using System.Diagnostics;

namespace Nerva.Cli.Tests;

/// <summary>The exit code and the text a nerva command line wrote.</summary>
internal sealed record CliResult(int ExitCode, string Output, string Error)
{
    /// <summary>The lines of stderr, without empty ones.</summary>
    public string[] ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>Runs nerva command lines in this process, or the built nerva.dll as a child process.</summary>
internal static class Cli
{
    /// <summary>Runs <see cref="CliApplication.Run"/> with string writers for stdout and stderr.</summary>
    public static CliResult Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int exitCode = CliApplication.Run(args, output, error);
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }

    /// <summary>Runs <c>dotnet nerva.dll</c> with <paramref name="args"/> and waits at most one minute.</summary>
    public static CliResult RunProcess(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "nerva.dll"));
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using Process process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(1)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"nerva {string.Join(' ', args)} did not finish within one minute.");
        }

        return new CliResult(process.ExitCode, output.Result, error.Result);
    }
}
