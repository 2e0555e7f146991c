using System;
using System.Collections.Generic;

namespace Nerva.Bindings.Generator.Model;

/// <summary>Turns raw C comments into plain text lines.</summary>
internal static class DocComment
{
    /// <summary>
    /// Removes the comment markers of a <c>/* */</c> or <c>//</c> comment, including a leading
    /// <c>*</c> on continuation lines, and returns the lines joined by <c>\n</c>, or null when nothing remains.
    /// </summary>
    public static string? Clean(string? rawComment)
    {
        if (string.IsNullOrWhiteSpace(rawComment))
        {
            return null;
        }

        var lines = new List<string>();
        foreach (string rawLine in rawComment.Replace("\r\n", "\n").Split('\n'))
        {
            string line = rawLine.Trim();
            if (line.StartsWith("/*", StringComparison.Ordinal))
            {
                line = line.Substring(2).TrimStart('*', '!');
            }
            else if (line.StartsWith("//", StringComparison.Ordinal))
            {
                line = line.Substring(2).TrimStart('/', '!');
            }
            else if (line.StartsWith('*') && !line.StartsWith("*/", StringComparison.Ordinal))
            {
                line = line.Substring(1);
            }

            if (line.EndsWith("*/", StringComparison.Ordinal))
            {
                line = line.Substring(0, line.Length - 2);
            }

            lines.Add(line.Trim());
        }

        while (lines.Count > 0 && lines[0].Length == 0)
        {
            lines.RemoveAt(0);
        }

        while (lines.Count > 0 && lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        return lines.Count == 0 ? null : string.Join('\n', lines);
    }
}
