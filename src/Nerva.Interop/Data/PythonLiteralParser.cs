using System.Globalization;
using System.Text;

namespace Nerva.Data;

/// <summary>
/// Parses the subset of Python literal syntax that NumPy writes into <c>.npy</c> headers: dictionaries,
/// tuples, lists, quoted strings, integers (with an optional Python 2 <c>L</c> suffix), True, False and None.
/// </summary>
/// <remarks>
/// Values come back as <see cref="string"/>, <see cref="bool"/>, <see cref="long"/>, null,
/// <see cref="PythonTuple"/>, <see cref="PythonList"/> or a dictionary with string keys.
/// </remarks>
internal sealed class PythonLiteralParser
{
    /// <summary>The deepest nesting of containers accepted, so that a corrupt header cannot exhaust the stack.</summary>
    private const int MaxDepth = 32;

    private readonly string _text;
    private int _position;
    private int _depth;

    private PythonLiteralParser(string text)
    {
        _text = text;
        _position = 0;
    }

    /// <summary>Parses <paramref name="text"/> as one dictionary literal with string keys.</summary>
    /// <exception cref="FormatException">The text is not such a literal; the message gives the position of the error.</exception>
    internal static Dictionary<string, object?> ParseDictionary(string text)
    {
        var parser = new PythonLiteralParser(text);
        parser.SkipWhitespace();
        if (!parser.TryConsume('{'))
        {
            throw parser.Error("expected '{'");
        }

        Dictionary<string, object?> dictionary = parser.ParseDictionaryBody();
        parser.SkipWhitespace();
        if (parser._position != text.Length)
        {
            throw parser.Error("unexpected text after the closing '}'");
        }

        return dictionary;
    }

    private Dictionary<string, object?> ParseDictionaryBody()
    {
        var dictionary = new Dictionary<string, object?>(StringComparer.Ordinal);
        while (true)
        {
            SkipWhitespace();
            if (TryConsume('}'))
            {
                return dictionary;
            }

            if (ParseValue() is not string key)
            {
                throw Error("expected a quoted dictionary key");
            }

            SkipWhitespace();
            if (!TryConsume(':'))
            {
                throw Error($"expected ':' after the key '{key}'");
            }

            if (!dictionary.TryAdd(key, ParseValue()))
            {
                throw Error($"the key '{key}' appears twice");
            }

            SkipWhitespace();
            if (!TryConsume(',') && Peek() != '}')
            {
                throw Error("expected ',' or '}'");
            }
        }
    }

    private object? ParseValue()
    {
        if (_depth >= MaxDepth)
        {
            throw Error($"containers are nested more than {MaxDepth} deep");
        }

        _depth++;
        try
        {
            return ParseScalarOrContainer();
        }
        finally
        {
            _depth--;
        }
    }

    private object? ParseScalarOrContainer()
    {
        SkipWhitespace();
        char next = Peek();
        if (next is '\'' or '"')
        {
            return ParseString(next);
        }

        if (TryConsume('('))
        {
            return new PythonTuple(ParseSequence(')'));
        }

        if (TryConsume('['))
        {
            return new PythonList(ParseSequence(']'));
        }

        if (TryConsume('{'))
        {
            return ParseDictionaryBody();
        }

        if (next == '-' || char.IsAsciiDigit(next))
        {
            return ParseInteger();
        }

        if (char.IsAsciiLetter(next))
        {
            int start = _position;
            while (_position < _text.Length && char.IsAsciiLetterOrDigit(_text[_position]))
            {
                _position++;
            }

            return _text[start.._position] switch
            {
                "True" => true,
                "False" => false,
                "None" => null,
                string word => throw Error($"unknown name '{word}'"),
            };
        }

        throw Error("expected a value");
    }

    private List<object?> ParseSequence(char close)
    {
        var items = new List<object?>();
        while (true)
        {
            SkipWhitespace();
            if (TryConsume(close))
            {
                return items;
            }

            items.Add(ParseValue());
            SkipWhitespace();
            if (!TryConsume(',') && Peek() != close)
            {
                throw Error($"expected ',' or '{close}'");
            }
        }
    }

    private string ParseString(char quote)
    {
        _position++;
        var builder = new StringBuilder();
        while (_position < _text.Length && _text[_position] != quote)
        {
            char c = _text[_position++];
            if (c == '\\' && _position < _text.Length)
            {
                c = _text[_position++];
            }

            builder.Append(c);
        }

        if (!TryConsume(quote))
        {
            throw Error("a string has no closing quote");
        }

        return builder.ToString();
    }

    private long ParseInteger()
    {
        int start = _position;
        if (Peek() == '-')
        {
            _position++;
        }

        while (_position < _text.Length && char.IsAsciiDigit(_text[_position]))
        {
            _position++;
        }

        if (!long.TryParse(_text.AsSpan(start, _position - start), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long value))
        {
            throw Error($"'{_text[start.._position]}' is not a 64-bit integer");
        }

        // Python 2 wrote long integers with an L suffix, and old .npy files still carry it.
        if (Peek() is 'L' or 'l')
        {
            _position++;
        }

        return value;
    }

    private void SkipWhitespace()
    {
        while (_position < _text.Length && char.IsWhiteSpace(_text[_position]))
        {
            _position++;
        }
    }

    private char Peek() => _position < _text.Length ? _text[_position] : '\0';

    private bool TryConsume(char expected)
    {
        if (Peek() != expected || _position >= _text.Length)
        {
            return false;
        }

        _position++;
        return true;
    }

    private FormatException Error(string problem) => new($"{problem} at character {_position}");
}

/// <summary>A Python tuple literal.</summary>
internal sealed record PythonTuple(List<object?> Items);

/// <summary>A Python list literal.</summary>
internal sealed record PythonList(List<object?> Items);
