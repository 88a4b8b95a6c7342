using System.Numerics;
using SweLancer.Domain.Import;
using Xunit;

namespace SweLancer.Tests.Domain.Import;

public class PythonLiteralSpec
{
    private static T ParseAs<T>(string text) => Assert.IsType<T>(PythonLiteral.Parse(text));

    // --- scalars ---------------------------------------------------------------------------------

    [Theory]
    [InlineData("True", true)]
    [InlineData("False", false)]
    public void Parses_booleans(string text, bool expected) => Assert.Equal(expected, ParseAs<bool>(text));

    [Fact]
    public void Parses_None_as_null() => Assert.Null(PythonLiteral.Parse("None"));

    [Theory]
    [InlineData("0", 0L)]
    [InlineData("42", 42L)]
    [InlineData("-7", -7L)]
    [InlineData("+7", 7L)]
    [InlineData("- 7", -7L)]
    [InlineData("1_000_000", 1_000_000L)]
    [InlineData("0x1F", 31L)]
    [InlineData("0o17", 15L)]
    [InlineData("0b101", 5L)]
    [InlineData("00", 0L)]
    [InlineData("9223372036854775807", long.MaxValue)]
    [InlineData("-9223372036854775808", long.MinValue)]
    public void Parses_ints_as_long(string text, long expected) => Assert.Equal(expected, ParseAs<long>(text));

    [Fact]
    public void Parses_ints_beyond_long_as_BigInteger()
    {
        Assert.Equal(BigInteger.Parse("9223372036854775808"), ParseAs<BigInteger>("9223372036854775808"));
        Assert.Equal(BigInteger.Parse("-123456789012345678901234567890"), ParseAs<BigInteger>("-123_456_789_012_345_678_901_234_567_890"));
    }

    [Theory]
    [InlineData("1.0", 1.0)]
    [InlineData("-2.5", -2.5)]
    [InlineData("1e5", 100000.0)]
    [InlineData("1E-2", 0.01)]
    [InlineData("2.5e+3", 2500.0)]
    [InlineData(".5", 0.5)]
    [InlineData("5.", 5.0)]
    [InlineData("1_0.2_5", 10.25)]
    public void Parses_floats_as_double(string text, double expected) => Assert.Equal(expected, ParseAs<double>(text));

    // --- strings ---------------------------------------------------------------------------------

    [Theory]
    [InlineData("'abc'", "abc")]
    [InlineData("\"abc\"", "abc")]
    [InlineData("''", "")]
    [InlineData("\"it's\"", "it's")]
    [InlineData("'say \"hi\"'", "say \"hi\"")]
    [InlineData("'''tri'ple'''", "tri'ple")]
    [InlineData("\"\"\"a\nb\"\"\"", "a\nb")]
    [InlineData("'''x''''", null)] // a stray quote after the close is trailing garbage
    public void Parses_quoted_strings(string text, string? expected)
    {
        if (expected is null)
            Assert.Throws<PythonLiteralException>(() => PythonLiteral.Parse(text));
        else
            Assert.Equal(expected, ParseAs<string>(text));
    }

    [Theory]
    [InlineData(@"'a\nb'", "a\nb")]
    [InlineData(@"'a\tb'", "a\tb")]
    [InlineData(@"'a\\b'", "a\\b")]
    [InlineData(@"'it\'s'", "it's")]
    [InlineData(@"""q\""q""", "q\"q")]
    [InlineData(@"'\r\n'", "\r\n")]
    [InlineData(@"'\x41\x7a'", "Az")]
    [InlineData(@"'\u00e9'", "é")]
    [InlineData(@"'\U0001F600'", "😀")]
    [InlineData(@"'\101'", "A")]
    [InlineData(@"'\0'", "\0")]
    [InlineData(@"'\1234'", "S4")] // octal takes at most three digits
    [InlineData(@"'\a\b\f\v'", "\a\b\f\v")]
    [InlineData(@"'\q'", "\\q")] // unknown escapes are kept, as in Python
    [InlineData("'a\\\nb'", "ab")] // backslash-newline continues the string
    public void Decodes_escapes(string text, string expected) => Assert.Equal(expected, ParseAs<string>(text));

    [Theory]
    [InlineData(@"r'a\nb'", "a\\nb")]
    [InlineData(@"R'a\nb'", "a\\nb")]
    [InlineData(@"r'it\'s'", "it\\'s")]
    [InlineData(@"u'caf\u00e9'", "café")]
    [InlineData(@"U'x'", "x")]
    [InlineData(@"b'\x41'", "A")]
    [InlineData(@"B'ab'", "ab")]
    [InlineData(@"rb'\x41'", "\\x41")]
    [InlineData(@"Br'\x41'", "\\x41")]
    [InlineData(@"bR'\x41'", "\\x41")]
    [InlineData(@"b'\u0041'", "\\u0041")] // \u is not an escape in bytes
    public void Honours_string_prefixes(string text, string expected) => Assert.Equal(expected, ParseAs<string>(text));

    [Fact]
    public void Concatenates_adjacent_strings_across_whitespace_and_prefixes()
    {
        Assert.Equal("abcd\\n", ParseAs<string>("'a' \"b\"\n  '''c''' 'd' r'\\n'"));
        var list = ParseAs<List<object?>>("['x' 'y', 'z']");
        Assert.Equal(["xy", "z"], list);
    }

    // --- containers ------------------------------------------------------------------------------

    [Fact]
    public void Parses_lists_including_empty_and_trailing_comma()
    {
        Assert.Empty(ParseAs<List<object?>>("[]"));
        Assert.Equal([1L, "two", 3.0, null, true], ParseAs<List<object?>>("[1, 'two', 3.0, None, True]"));
        Assert.Equal([1L, 2L], ParseAs<List<object?>>("[1, 2,]"));
    }

    [Fact]
    public void Parses_tuples_including_empty_and_one_tuple()
    {
        Assert.Empty(ParseAs<List<object?>>("()"));
        Assert.Equal([1L], ParseAs<List<object?>>("(1,)"));
        Assert.Equal([1L, 2L], ParseAs<List<object?>>("(1, 2)"));
        Assert.Equal([1L, 2L], ParseAs<List<object?>>("(1, 2,)"));
    }

    [Fact]
    public void Treats_parentheses_without_comma_as_grouping()
    {
        Assert.Equal(5L, ParseAs<long>("(5)"));
        Assert.Equal("s", ParseAs<string>("(('s'))"));
    }

    [Fact]
    public void Parses_sets_as_lists_in_written_order()
    {
        Assert.Equal([3L, 1L, 2L], ParseAs<List<object?>>("{3, 1, 2}"));
        Assert.Equal(["a"], ParseAs<List<object?>>("{'a',}"));
    }

    [Fact]
    public void Parses_dicts_with_string_keys_in_insertion_order()
    {
        var dict = ParseAs<Dictionary<string, object?>>("{'b': 1, \"a\": 'x', 'c': None,}");
        Assert.Equal(["b", "a", "c"], dict.Keys);
        Assert.Equal(1L, dict["b"]);
        Assert.Equal("x", dict["a"]);
        Assert.Null(dict["c"]);
        Assert.Empty(ParseAs<Dictionary<string, object?>>("{}"));
    }

    [Fact]
    public void Converts_non_string_dict_keys_to_invariant_text()
    {
        var dict = ParseAs<Dictionary<string, object?>>("{4: 'a', -1: 'b', 1.5: 'c', 2.0: 'd', True: 'e', None: 'f', (1, 'x'): 'g', (7,): 'h'}");
        Assert.Equal(["4", "-1", "1.5", "2.0", "True", "None", "(1, 'x')", "(7,)"], dict.Keys);
    }

    [Fact]
    public void Keeps_the_last_value_of_a_repeated_key_like_Python()
    {
        var dict = ParseAs<Dictionary<string, object?>>("{'k': 1, 'k': 2}");
        Assert.Equal(2L, Assert.Single(dict).Value);
    }

    [Fact]
    public void Parses_nested_structures_spread_over_lines_with_comments()
    {
        const string text = """
            {
                'game': {  # the interesting part
                    'correct_proposal': {'id': 4, 'explanation': "Proposal #4 won"},
                    'all_formal_proposals': [
                        {'id': 0, 'tags': ('a', 'b')},
                        {'id': 4, 'tags': ()},
                    ],
                },
                'price': 4000.0,
                'flags': {True, False},
            }
            """;
        var root = PythonLiteral.Parse(text);
        Assert.Equal(4L, PyPath.Get(root, "game", "correct_proposal", "id"));
        Assert.Equal("Proposal #4 won", PyPath.GetString(root, "game", "correct_proposal", "explanation"));
        Assert.Equal(["a", "b"], PyPath.GetList(root, "game", "all_formal_proposals", 0, "tags"));
        Assert.Empty(PyPath.GetList(root, "game", "all_formal_proposals", -1, "tags"));
        Assert.Equal(4000.0, PyPath.Get(root, "price"));
        Assert.Equal([true, false], PyPath.GetList(root, "flags"));
    }

    [Fact]
    public void Parses_a_chat_prompt_shaped_like_the_task_table()
    {
        const string text = "[{'content': 'You have been tasked with fixing the following issue:\\n\\n[$1000] Fix it\\n\\nMore', 'role': 'user'}, {'content': \"It's done\", 'role': 'user'}]";
        var messages = ParseAs<List<object?>>(text);
        Assert.Equal(2, messages.Count);
        Assert.Equal("You have been tasked with fixing the following issue:\n\n[$1000] Fix it\n\nMore", PyPath.GetString(messages, 0, "content"));
        Assert.Equal("It's done", PyPath.GetString(messages, 1, "content"));
    }

    [Fact]
    public void Accepts_surrounding_whitespace() => Assert.Equal(1L, ParseAs<long>("  \n\t1 \r\n"));

    // --- errors ----------------------------------------------------------------------------------

    [Fact]
    public void Reports_a_missing_colon_with_offset_line_and_column()
    {
        var ex = Assert.Throws<PythonLiteralException>(() => PythonLiteral.Parse("{'a': 1,\n 'b' 2}"));
        Assert.Equal(14, ex.Offset);
        Assert.Equal(2, ex.LineNumber);
        Assert.Equal(6, ex.ColumnNumber);
        Assert.Equal("expected ':' after dict key, found '2' at offset 14 (line 2, column 6)", ex.Message);
    }

    [Theory]
    [InlineData("", 0, "expected a value, found end of input")]
    [InlineData("[1, 2", 5, "expected ',' or ']' in list, found end of input")]
    [InlineData("[1 2]", 3, "expected ',' or ']' in list, found '2'")]
    [InlineData("(1 2)", 3, "expected ',' or ')' in tuple, found '2'")]
    [InlineData("{1 2}", 3, "expected ':' after dict key, found '2'")]
    [InlineData("{1, 2 3}", 6, "expected ',' or '}' in set, found '3'")]
    [InlineData("{'a': 1 'b': 2}", 8, "expected ',' or '}' after dict value, found \"'\"")]
    [InlineData("1 2", 2, "expected end of input after the value, found '2'")]
    [InlineData("[,]", 1, "expected a value, found ','")]
    [InlineData("nope", 0, "expected a value, found name 'nope'")]
    [InlineData("null", 0, "expected a value, found name 'null'")]
    [InlineData("true", 0, "expected a value, found name 'true'")]
    [InlineData("'abc", 0, "unterminated string")]
    [InlineData("'ab\ncd'", 0, "unterminated string (line break inside a single-quoted string)")]
    [InlineData("'''abc''", 0, "unterminated triple-quoted string")]
    [InlineData(@"'\x4'", 1, @"expected 2 hex digits after \x")]
    [InlineData(@"'\u12'", 1, @"expected 4 hex digits after \u")]
    [InlineData(@"'\U00110000'", 1, "escape value 0x110000 is not a Unicode code point")]
    [InlineData(@"'\N{DASH}'", 1, @"\N{...} escapes are not supported")]
    [InlineData("f'x'", 0, "expected a value, found name 'f'")]
    [InlineData("01", 0, "leading zeros are not allowed in a decimal integer (use 0o for octal)")]
    [InlineData("1__0", 1, "invalid number literal, found '_'")]
    [InlineData("12abc", 2, "invalid number literal, found 'a'")]
    [InlineData("0x", 0, "invalid 0x integer literal")]
    [InlineData("-'a'", 1, "expected a number after '-', found \"'\"")]
    [InlineData("{{}: 1}", 3, "a dict cannot be a dict key")]
    [InlineData("{'a': 1", 7, "expected ',' or '}' after dict value, found end of input")]
    public void Reports_what_was_expected_and_found(string text, int offset, string problem)
    {
        var ex = Assert.Throws<PythonLiteralException>(() => PythonLiteral.Parse(text));
        Assert.Equal(problem, ex.Problem);
        Assert.Equal(offset, ex.Offset);
        Assert.Contains($"at offset {offset}", ex.Message);
    }

    [Fact]
    public void Refuses_absurd_nesting_instead_of_overflowing_the_stack()
    {
        var text = new string('[', 5000) + new string(']', 5000);
        var ex = Assert.Throws<PythonLiteralException>(() => PythonLiteral.Parse(text));
        Assert.Contains("nested more than", ex.Message);
    }

    [Fact]
    public void Handles_json_like_but_not_json_text_only_where_python_agrees()
    {
        // Valid in both languages: parsed.
        Assert.Equal([1L, "a"], ParseAs<List<object?>>("[1, \"a\"]"));
        // JSON literals are not Python: rejected with the offending name.
        var ex = Assert.Throws<PythonLiteralException>(() => PythonLiteral.Parse("[1, false]"));
        Assert.Equal(4, ex.Offset);
    }

    // --- invariant text and PyPath ---------------------------------------------------------------

    [Theory]
    [InlineData(4L, "4")]
    [InlineData(-4L, "-4")]
    [InlineData(2.0, "2.0")]
    [InlineData(0.1, "0.1")]
    [InlineData(true, "True")]
    [InlineData(null, "None")]
    [InlineData("x", "x")]
    public void Formats_invariant_text_like_python(object? value, string expected) =>
        Assert.Equal(expected, PythonLiteral.ToInvariantText(value));

    [Fact]
    public void PyPath_reports_the_missing_step_in_python_subscript_form()
    {
        var root = PythonLiteral.Parse("{'game': {'correct_proposal': None, 'all': [1, 2]}}");
        var missingKey = Assert.Throws<PyPathException>(() => PyPath.Get(root, "game", "correct", "id"));
        Assert.Equal("['game'] has no key 'correct'", missingKey.Message);
        var intoNone = Assert.Throws<PyPathException>(() => PyPath.Get(root, "game", "correct_proposal", "id"));
        Assert.Equal("['game']['correct_proposal'] is None, so it has no key 'id'", intoNone.Message);
        var badIndex = Assert.Throws<PyPathException>(() => PyPath.Get(root, "game", "all", 5));
        Assert.Equal("['game']['all'] has no index 5 (it has 2 items)", badIndex.Message);
        var wrongType = Assert.Throws<PyPathException>(() => PyPath.GetString(root, "game", "all", 0));
        Assert.Equal("['game']['all'][0] is an int, expected a string", wrongType.Message);
        Assert.Null(PyPath.Find(root, "game", "nothing", "here"));
        Assert.Equal(2L, PyPath.Find(root, "game", "all", 1));
    }

    [Fact]
    public void PyPath_GetIdText_normalises_int_ids_and_rejects_other_kinds()
    {
        var root = PythonLiteral.Parse("{'a': 4, 'b': '07', 'c': 1.5}");
        Assert.Equal("4", PyPath.GetIdText(root, "a"));
        Assert.Equal("07", PyPath.GetIdText(root, "b"));
        var ex = Assert.Throws<PyPathException>(() => PyPath.GetIdText(root, "c"));
        Assert.Equal("['c'] is a float, expected a str or int id", ex.Message);
    }
}
