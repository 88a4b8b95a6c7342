using System.Globalization;
using System.Numerics;
using System.Text;

namespace SweLancer.Domain.Import;

/// <summary>
/// A hand-written recursive-descent parser for the Python literals found in SWE-Lancer task tables
/// (the subset of <c>ast.literal_eval</c> that appears in data). The tables hold Python reprs, not JSON,
/// so a JSON parser fails on them.
/// </summary>
/// <remarks>
/// Results: dict -> <see cref="Dictionary{TKey,TValue}"/> of string to object? (insertion order kept);
/// list, tuple and set -> <see cref="List{T}"/> of object? (sets keep their written order and duplicates);
/// str and bytes -> <see cref="string"/> (bytes map each byte to the char of the same code);
/// int -> <see cref="long"/>, or <see cref="BigInteger"/> when it does not fit; float -> <see cref="double"/>;
/// True/False -> <see cref="bool"/>; None -> null.
/// Dict keys that are not strings are converted to their invariant text form (<see cref="ToInvariantText"/>):
/// <c>4</c> -> "4", <c>1.5</c> -> "1.5", <c>True</c> -> "True", <c>None</c> -> "None", <c>(1, 'a')</c> -> "(1, 'a')".
/// As in Python, a repeated key keeps its last value; note that <c>1</c> and <c>'1'</c> become the same key.
/// Comments (<c>#</c> to end of line) and any whitespace between tokens are accepted; complex numbers,
/// <c>inf</c>/<c>nan</c>, f-strings and <c>\N{...}</c> escapes are not.
/// </remarks>
public static class PythonLiteral
{
    // Deep enough for any real data, shallow enough that a hostile file cannot overflow the stack.
    private const int MaxDepth = 400;

    /// <summary>Parses one Python literal; the whole text must be that literal (surrounding whitespace allowed).</summary>
    /// <exception cref="PythonLiteralException">The text is not such a literal.</exception>
    public static object? Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parser = new Parser(text);
        parser.SkipTrivia();
        var value = parser.ParseValue(0);
        parser.SkipTrivia();
        if (!parser.AtEnd)
            throw parser.Error("expected end of input after the value");
        return value;
    }

    /// <summary>
    /// The invariant text of a parsed scalar, as Python's <c>str()</c>/<c>repr()</c> would spell it:
    /// strings as they are, ints as digits, floats in shortest round-trip form (with ".0" when integral),
    /// True/False/None, and lists (tuples) as a parenthesised repr. Used for dict keys and for ids.
    /// </summary>
    public static string ToInvariantText(object? value) => value switch
    {
        null => "None",
        string s => s,
        bool b => b ? "True" : "False",
        long l => l.ToString(CultureInfo.InvariantCulture),
        BigInteger bi => bi.ToString(CultureInfo.InvariantCulture),
        double d => FormatDouble(d),
        List<object?> items => "(" + string.Join(", ", items.Select(Repr)) + (items.Count == 1 ? ",)" : ")"),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    private static string Repr(object? value) => value is string s
        ? "'" + s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "'"
        : ToInvariantText(value);

    private static string FormatDouble(double d)
    {
        var text = d.ToString("R", CultureInfo.InvariantCulture);
        return text.Contains('.') || text.Contains('E') || text.Contains('e') ? text : text + ".0";
    }

    private sealed class Parser(string text)
    {
        private int _pos;

        public bool AtEnd => _pos >= text.Length;

        private char Current => _pos < text.Length ? text[_pos] : '\0';

        private char Peek(int ahead) => _pos + ahead < text.Length ? text[_pos + ahead] : '\0';

        public void SkipTrivia()
        {
            while (_pos < text.Length)
            {
                var c = text[_pos];
                if (c is ' ' or '\t' or '\n' or '\r' or '\f' or '\v')
                    _pos++;
                else if (c == '#')
                {
                    while (_pos < text.Length && text[_pos] != '\n')
                        _pos++;
                }
                else if (c == '\\' && (Peek(1) == '\n' || (Peek(1) == '\r' && Peek(2) == '\n')))
                    _pos += Peek(1) == '\n' ? 2 : 3; // explicit line continuation
                else
                    return;
            }
        }

        public object? ParseValue(int depth)
        {
            if (depth > MaxDepth)
                throw Error($"literal nested more than {MaxDepth} levels deep");
            var c = Current;
            switch (c)
            {
                case '{':
                    return ParseBraces(depth);
                case '[':
                    return ParseSequence(depth, ']', "list");
                case '(':
                    return ParseParens(depth);
                case '-' or '+':
                    {
                        var signAt = _pos;
                        _pos++;
                        SkipTrivia();
                        if (!char.IsAsciiDigit(Current) && !(Current == '.' && char.IsAsciiDigit(Peek(1))))
                            throw Error($"expected a number after '{c}'");
                        var number = ParseNumber();
                        if (c == '+')
                            return number;
                        return number switch
                        {
                            long l => l == 0 ? 0L : -l,
                            BigInteger bi => Narrow(-bi),
                            double d => -d,
                            _ => throw ErrorAt(signAt, "expected a number"),
                        };
                    }
            }
            if (char.IsAsciiDigit(c) || (c == '.' && char.IsAsciiDigit(Peek(1))))
                return ParseNumber();
            if (c is '\'' or '"' || IsStringPrefixStart())
                return ParseStrings();
            if (char.IsAsciiLetter(c) || c == '_')
            {
                var start = _pos;
                while (_pos < text.Length && (char.IsAsciiLetterOrDigit(text[_pos]) || text[_pos] == '_'))
                    _pos++;
                var name = text[start.._pos];
                switch (name)
                {
                    case "True": return true;
                    case "False": return false;
                    case "None": return null;
                }
                throw ErrorAt(start, $"expected a value, found name '{name}'");
            }
            throw Error("expected a value");
        }

        // '{' starts a dict or a set; which one is decided by the ':' after the first element.
        private object ParseBraces(int depth)
        {
            _pos++;
            SkipTrivia();
            if (Current == '}')
            {
                _pos++;
                return new Dictionary<string, object?>(StringComparer.Ordinal);
            }
            var first = ParseValue(depth + 1);
            SkipTrivia();
            if (Current == ':')
                return ParseDictRest(depth, first);
            if (Current is not (',' or '}'))
                throw Error("expected ':' after dict key"); // far likelier than a broken set

            var set = new List<object?> { first };
            while (true)
            {
                SkipTrivia();
                if (Current == '}')
                {
                    _pos++;
                    return set;
                }
                Expect(',', "expected ',' or '}' in set");
                SkipTrivia();
                if (Current == '}')
                    continue;
                set.Add(ParseValue(depth + 1));
            }
        }

        private Dictionary<string, object?> ParseDictRest(int depth, object? firstKey)
        {
            var dict = new Dictionary<string, object?>(StringComparer.Ordinal);
            var key = firstKey;
            while (true)
            {
                // The caller or the loop has skipped trivia and stands on what should be ':'.
                var keyAt = _pos;
                Expect(':', "expected ':' after dict key");
                if (key is Dictionary<string, object?>)
                    throw ErrorAt(keyAt, "a dict cannot be a dict key");
                SkipTrivia();
                dict[ToInvariantText(key)] = ParseValue(depth + 1);
                SkipTrivia();
                if (Current == '}')
                {
                    _pos++;
                    return dict;
                }
                Expect(',', "expected ',' or '}' after dict value");
                SkipTrivia();
                if (Current == '}')
                {
                    _pos++;
                    return dict;
                }
                key = ParseValue(depth + 1);
                SkipTrivia();
            }
        }

        // '(' is a tuple when empty or when a comma follows the first element, else just grouping.
        private object? ParseParens(int depth)
        {
            _pos++;
            SkipTrivia();
            if (Current == ')')
            {
                _pos++;
                return new List<object?>();
            }
            var first = ParseValue(depth + 1);
            SkipTrivia();
            if (Current == ')')
            {
                _pos++;
                return first;
            }
            Expect(',', "expected ',' or ')' in tuple");
            var tuple = new List<object?> { first };
            ParseSequenceRest(depth, tuple, ')', "tuple");
            return tuple;
        }

        private List<object?> ParseSequence(int depth, char close, string what)
        {
            _pos++; // the opening bracket
            var items = new List<object?>();
            SkipTrivia();
            if (Current == close)
            {
                _pos++;
                return items;
            }
            items.Add(ParseValue(depth + 1));
            SkipTrivia();
            if (Current == close)
            {
                _pos++;
                return items;
            }
            Expect(',', $"expected ',' or '{close}' in {what}");
            ParseSequenceRest(depth, items, close, what);
            return items;
        }

        // After a separating comma: more elements, each followed by ',' or the closing bracket.
        private void ParseSequenceRest(int depth, List<object?> items, char close, string what)
        {
            while (true)
            {
                SkipTrivia();
                if (Current == close)
                {
                    _pos++;
                    return;
                }
                items.Add(ParseValue(depth + 1));
                SkipTrivia();
                if (Current == close)
                {
                    _pos++;
                    return;
                }
                Expect(',', $"expected ',' or '{close}' in {what}");
            }
        }

        private void Expect(char c, string message)
        {
            if (Current != c)
                throw Error(message);
            _pos++;
        }

        // --- strings -------------------------------------------------------------------------------

        private bool IsStringPrefixStart()
        {
            var i = 0;
            while (i < 2 && char.ToLowerInvariant(Peek(i)) is 'r' or 'u' or 'b')
                i++;
            return i > 0 && Peek(i) is '\'' or '"' && IsValidPrefix(text.Substring(_pos, i));
        }

        private static bool IsValidPrefix(string prefix) =>
            prefix.ToLowerInvariant() is "r" or "u" or "b" or "rb" or "br";

        // Adjacent string literals concatenate, as in Python ('a' "b" == 'ab').
        private string ParseStrings()
        {
            var sb = new StringBuilder();
            ParseOneString(sb);
            while (true)
            {
                var save = _pos;
                SkipTrivia();
                if (Current is '\'' or '"' || IsStringPrefixStart())
                    ParseOneString(sb);
                else
                {
                    _pos = save;
                    return sb.ToString();
                }
            }
        }

        private void ParseOneString(StringBuilder sb)
        {
            var raw = false;
            var bytes = false;
            while (Current is not ('\'' or '"'))
            {
                var p = char.ToLowerInvariant(Current);
                raw |= p == 'r';
                bytes |= p == 'b';
                _pos++;
            }
            var start = _pos;
            var quote = Current;
            var triple = Peek(1) == quote && Peek(2) == quote;
            _pos += triple ? 3 : 1;
            while (true)
            {
                if (AtEnd)
                    throw ErrorAt(start, triple ? "unterminated triple-quoted string" : "unterminated string");
                var c = text[_pos];
                if (c == quote && (!triple || (Peek(1) == quote && Peek(2) == quote)))
                {
                    _pos += triple ? 3 : 1;
                    return;
                }
                if (!triple && c is '\n' or '\r')
                    throw ErrorAt(start, "unterminated string (line break inside a single-quoted string)");
                if (c == '\\')
                {
                    if (raw)
                    {
                        // A raw string keeps the backslash, but it still protects the next character.
                        sb.Append(c);
                        _pos++;
                        if (!AtEnd)
                            sb.Append(text[_pos++]);
                        continue;
                    }
                    ParseEscape(sb, bytes);
                    continue;
                }
                if (bytes && c > 0x7F)
                    throw Error("bytes literal may only contain ASCII characters");
                sb.Append(c);
                _pos++;
            }
        }

        private void ParseEscape(StringBuilder sb, bool bytes)
        {
            var escapeAt = _pos;
            _pos++; // the backslash
            if (AtEnd)
                throw ErrorAt(escapeAt, "unterminated string");
            var c = text[_pos++];
            switch (c)
            {
                case '\n': return; // line continuation inside a string
                case '\r':
                    if (Current == '\n')
                        _pos++;
                    return;
                case '\\': sb.Append('\\'); return;
                case '\'': sb.Append('\''); return;
                case '"': sb.Append('"'); return;
                case 'a': sb.Append('\a'); return;
                case 'b': sb.Append('\b'); return;
                case 'f': sb.Append('\f'); return;
                case 'n': sb.Append('\n'); return;
                case 'r': sb.Append('\r'); return;
                case 't': sb.Append('\t'); return;
                case 'v': sb.Append('\v'); return;
                case 'x': AppendCodePoint(sb, ReadHex(2, escapeAt, "\\x"), escapeAt); return;
                case 'u' when !bytes: AppendCodePoint(sb, ReadHex(4, escapeAt, "\\u"), escapeAt); return;
                case 'U' when !bytes: AppendCodePoint(sb, ReadHex(8, escapeAt, "\\U"), escapeAt); return;
                case 'N' when !bytes: throw ErrorAt(escapeAt, "\\N{...} escapes are not supported");
            }
            if (c is >= '0' and <= '7')
            {
                var value = c - '0';
                for (var i = 0; i < 2 && Current is >= '0' and <= '7'; i++)
                    value = (value * 8) + (text[_pos++] - '0');
                AppendCodePoint(sb, value, escapeAt);
                return;
            }
            // Python keeps unknown escapes as written (with a warning); so do we.
            sb.Append('\\').Append(c);
        }

        private int ReadHex(int digits, int escapeAt, string escape)
        {
            var value = 0;
            for (var i = 0; i < digits; i++)
            {
                if (!char.IsAsciiHexDigit(Current))
                    throw ErrorAt(escapeAt, $"expected {digits} hex digits after {escape}");
                value = (value * 16) + DigitValue(Current);
                _pos++;
            }
            return value;
        }

        private void AppendCodePoint(StringBuilder sb, int codePoint, int escapeAt)
        {
            if (codePoint is < 0 or > 0x10FFFF)
                throw ErrorAt(escapeAt, $"escape value 0x{codePoint:X} is not a Unicode code point");
            if (codePoint is >= 0xD800 and <= 0xDFFF)
                sb.Append((char)codePoint); // a lone surrogate, as Python allows in str
            else
                sb.Append(char.ConvertFromUtf32(codePoint));
        }

        // --- numbers -------------------------------------------------------------------------------

        private object ParseNumber()
        {
            var start = _pos;
            if (Current == '0' && char.ToLowerInvariant(Peek(1)) is 'x' or 'o' or 'b')
                return ParseRadixInteger(start);

            var digits = new StringBuilder();
            var isFloat = false;
            if (Current == '.')
                digits.Append('0'); // ".5"
            else
                ReadDigits(digits);
            if (Current == '.')
            {
                isFloat = true;
                digits.Append('.');
                _pos++;
                if (char.IsAsciiDigit(Current))
                    ReadDigits(digits);
            }
            if (char.ToLowerInvariant(Current) == 'e')
            {
                var save = _pos;
                var exponent = new StringBuilder("e");
                _pos++;
                if (Current is '+' or '-')
                    exponent.Append(text[_pos++]);
                if (char.IsAsciiDigit(Current))
                {
                    ReadDigits(exponent);
                    digits.Append(exponent);
                    isFloat = true;
                }
                else
                    _pos = save; // not an exponent; the check below reports the stray letter
            }
            if (char.IsAsciiLetterOrDigit(Current) || Current == '_')
                throw Error("invalid number literal");

            var literal = digits.ToString();
            if (isFloat)
                return double.Parse(literal, NumberStyles.Float, CultureInfo.InvariantCulture);
            if (literal.Length > 1 && literal[0] == '0' && literal.Any(ch => ch != '0'))
                throw ErrorAt(start, "leading zeros are not allowed in a decimal integer (use 0o for octal)");
            return Narrow(BigInteger.Parse(literal, NumberStyles.None, CultureInfo.InvariantCulture));
        }

        // Digits with single underscores between them, as Python allows (1_000).
        private void ReadDigits(StringBuilder into)
        {
            if (!char.IsAsciiDigit(Current))
                throw Error("expected a digit");
            while (true)
            {
                while (char.IsAsciiDigit(Current))
                    into.Append(text[_pos++]);
                if (Current == '_' && char.IsAsciiDigit(Peek(1)))
                    _pos++;
                else
                    return;
            }
        }

        private object ParseRadixInteger(int start)
        {
            var radixChar = char.ToLowerInvariant(Peek(1));
            var radix = radixChar switch { 'x' => 16, 'o' => 8, _ => 2 };
            _pos += 2;
            var value = BigInteger.Zero;
            var any = false;
            while (true)
            {
                if (Current == '_' && any)
                    _pos++;
                var d = DigitValue(Current);
                if (d < 0 || d >= radix)
                    break;
                value = (value * radix) + d;
                any = true;
                _pos++;
            }
            if (!any || char.IsAsciiLetterOrDigit(Current) || Current == '_')
                throw ErrorAt(start, $"invalid 0{radixChar} integer literal");
            return Narrow(value);
        }

        private static int DigitValue(char c) => c switch
        {
            >= '0' and <= '9' => c - '0',
            >= 'a' and <= 'f' => c - 'a' + 10,
            >= 'A' and <= 'F' => c - 'A' + 10,
            _ => -1,
        };

        private static object Narrow(BigInteger value) =>
            value >= long.MinValue && value <= long.MaxValue ? (object)(long)value : value;

        // --- errors --------------------------------------------------------------------------------

        public PythonLiteralException Error(string expected) => ErrorAt(_pos, expected, describeFound: true);

        private PythonLiteralException ErrorAt(int offset, string problem, bool describeFound = false)
        {
            var message = describeFound ? $"{problem}, found {DescribeAt(offset)}" : problem;
            var line = 1;
            var lineStart = 0;
            for (var i = 0; i < offset && i < text.Length; i++)
            {
                if (text[i] == '\n')
                {
                    line++;
                    lineStart = i + 1;
                }
            }
            return new PythonLiteralException(message, offset, line, offset - lineStart + 1);
        }

        private string DescribeAt(int offset)
        {
            if (offset >= text.Length)
                return "end of input";
            var c = text[offset];
            return c switch
            {
                '\n' => "a line break",
                '\r' => "a carriage return",
                '\t' => "a tab",
                '\'' => "\"'\"",
                _ when char.IsControl(c) => $"control character U+{(int)c:X4}",
                _ => $"'{c}'",
            };
        }
    }
}
