namespace Nerva.Cli;

/// <summary>An invalid command line: an option value, a combination of options, or options that do not fit the data.</summary>
internal sealed class UsageException(string message) : Exception(message);
