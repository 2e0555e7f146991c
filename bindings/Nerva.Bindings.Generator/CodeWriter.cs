using System.Text;

namespace Nerva.Bindings.Generator;

/// <summary>Builds C# source text with four-space indentation and LF line endings.</summary>
internal sealed class CodeWriter
{
    private readonly StringBuilder m_text = new();
    private int m_indent;

    /// <summary>Appends one line at the current indentation; an empty line gets no indentation.</summary>
    public void Line(string text = "")
    {
        if (text.Length > 0)
        {
            m_text.Append(' ', m_indent * 4).Append(text);
        }

        m_text.Append('\n');
    }

    /// <summary>Appends <c>{</c> and indents the lines that follow.</summary>
    public void Open()
    {
        Line("{");
        m_indent++;
    }

    /// <summary>Ends the indentation started by <see cref="Open"/> and appends <paramref name="closing"/>.</summary>
    public void Close(string closing = "}")
    {
        m_indent--;
        Line(closing);
    }

    /// <summary>
    /// Appends a <c>/// &lt;summary&gt;</c> block with the XML-escaped lines of <paramref name="documentation"/>,
    /// or nothing when it is null.
    /// </summary>
    public void Summary(string? documentation)
    {
        if (documentation == null)
        {
            return;
        }

        Line("/// <summary>");
        foreach (string line in documentation.Split('\n'))
        {
            Line(line.Length == 0 ? "///" : "/// " + EscapeXml(line));
        }

        Line("/// </summary>");
    }

    /// <summary>Returns the text written so far, which ends with a newline.</summary>
    public override string ToString() => m_text.ToString();

    private static string EscapeXml(string text)
    {
        return text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
    }
}
