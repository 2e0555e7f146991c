using System.Diagnostics;
using System.Globalization;
using System.Text;
using Nerva.Data;

namespace Nerva.Cli.Tests;

// Runs the built nerva.dll as a child process, to check the exit codes a shell receives and that stderr has no stack trace.
public sealed class ProcessTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Process_TrainSucceedsAndErrorsExitWithCode()
    {
        string dataset = _folder.Combine("blobs.npz");
        SyntheticData.WriteBlobs(dataset, trainCount: 300, testCount: 100);

        CliResult success = Cli.RunProcess("train", "--dataset", dataset, "--layers", "ReLU;Linear", "--layer-sizes", "8;16;4", "--epochs", "2");
        CliResult usage = Cli.RunProcess("train", "--dataset", dataset, "--layers", "ReLU;Linear", "--layer-sizes", "8;16;4", "--batch-size", "0");
        CliResult failure = Cli.RunProcess("train", "--dataset", _folder.Combine("absent.npz"), "--layers", "ReLU;Linear", "--layer-sizes", "8;16;4");

        Assert.Equal(0, success.ExitCode);
        Assert.Equal(3, TrainCommandTests.TableRows(success.Output).Length);
        Assert.Equal(2, usage.ExitCode);
        Assert.Single(usage.ErrorLines);
        Assert.Contains("--batch-size", usage.Error, StringComparison.Ordinal);
        Assert.Equal(1, failure.ExitCode);
        Assert.Single(failure.ErrorLines);
        Assert.Contains("absent.npz", failure.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", usage.Error + failure.Error, StringComparison.Ordinal);
        Assert.Empty(usage.Output);
        Assert.Empty(failure.Output);
    }

    [Fact]
    public void Process_UnknownOptionExitsTwo()
    {
        CliResult result = Cli.RunProcess("train", "--no-such-option");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--no-such-option", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }

    // SIGINT (Ctrl-C) after the first epoch row stops training after the current batch: exit code 130, a note on
    // stderr, and the weights of that moment saved as a complete file.
    [Fact]
    public async Task Process_InterruptExits130()
    {
        string dataset = _folder.Combine("blobs.npz");
        string weights = _folder.Combine("weights.npz");
        SyntheticData.WriteBlobs(dataset, trainCount: 300, testCount: 100);
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string arg in (string[])[Path.Combine(AppContext.BaseDirectory, "nerva.dll"), "train", "--dataset", dataset, "--layers", "ReLU;Linear",
            "--layer-sizes", "8;16;4", "--epochs", "1000000", "--threads", "1", "--save-weights", weights])
        {
            start.ArgumentList.Add(arg);
        }

        using Process process = Process.Start(start)!;
        Task<string> error = process.StandardError.ReadToEndAsync();
        var output = new StringBuilder();
        string? line;
        while ((line = process.StandardOutput.ReadLine()) is not null)
        {
            output.AppendLine(line);
            if (line.TrimStart().StartsWith("1 ", StringComparison.Ordinal))
            {
                break;
            }
        }

        using (Process kill = Process.Start("kill", ["-INT", process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            kill.WaitForExit();
        }

        output.Append(process.StandardOutput.ReadToEnd());
        bool exited = process.WaitForExit(TimeSpan.FromSeconds(30));
        if (!exited)
        {
            process.Kill(entireProcessTree: true);
        }

        Assert.True(exited, "nerva did not stop within 30 seconds of SIGINT");
        Assert.Equal(130, process.ExitCode);
        Assert.Contains("interrupted after", await error, StringComparison.Ordinal);
        Assert.Contains("final test accuracy", output.ToString(), StringComparison.Ordinal);
        Assert.Equal(["W1", "b1", "W2", "b2"], Npz.Load(weights).Keys);
    }
}
