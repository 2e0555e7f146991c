namespace Nerva.Cli;

/// <summary>The exit codes of the nerva tool.</summary>
internal static class ExitCodes
{
    /// <summary>The command succeeded.</summary>
    public const int Success = 0;

    /// <summary>The command failed while running: a missing, corrupt or truncated file, or a native failure.</summary>
    public const int Failure = 1;

    /// <summary>The command line is invalid.</summary>
    public const int Usage = 2;

    /// <summary>Training was interrupted with Ctrl-C (128 + SIGINT, as shells report it).</summary>
    public const int Interrupted = 130;
}
