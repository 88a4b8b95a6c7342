using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace SweLancer.GraderNode.Patching;

/// <summary>
/// A strict reader of unified diffs (plain and git-style) that recognises every line of a diff or refuses it, naming
/// the line. GNU patch also applies context diffs, normal diffs, ed scripts, git copies and binary patches, reads file
/// names from <c>Index:</c> lines and unindents indented diffs; a policy that reads less than patch applies can be
/// talked past (issue 10). So: a section is a <c>diff --git</c> header with known extended lines, or a <c>---</c>/<c>+++</c>
/// pair, followed by unified hunks whose line counts are checked. Text outside sections is kept only if GNU patch could
/// not read it as any kind of diff, and it is dropped from <see cref="ParsedDiff.PatchText"/>, the text that is applied.
/// </summary>
/// <remarks>
/// Refused: context-format hunks, normal diffs and ed scripts, <c>Index:</c> and <c>Prereq:</c> lines, indented diff
/// lines, git copies, binary patches, symbolic links, submodules and any file mode but 100644 and 100755, renames or
/// headers whose names disagree, hunks whose counts do not match their lines, names without the a/ or b/ prefix and
/// names that are absolute or hold '.', '..', empty components, backslashes or control characters.
/// </remarks>
public static class DiffParser
{
    public const string DevNull = "/dev/null";
    public const string RegularMode = "100644";
    public const string ExecutableMode = "100755";

    private const int MaxHunkLines = 10_000_000;

    private static readonly Regex HunkHeader = new(@"^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@", RegexOptions.CultureInvariant);
    private static readonly Regex IndexLine = new(@"^index [0-9a-fA-F]+\.\.[0-9a-fA-F]+( [0-7]{6})?$", RegexOptions.CultureInvariant);
    private static readonly Regex Similarity = new(@"^(dis)?similarity index \d{1,3}%$", RegexOptions.CultureInvariant);

    // GNU patch takes a line that starts with digits, commas and one of these letters for a normal diff or ed command.
    private static readonly Regex EdOrNormalCommand = new(@"^\d[\d,]*[acdis]", RegexOptions.CultureInvariant);

    private static readonly string[] GitHeaderWords =
    [
        "rename from", "rename to", "copy from", "copy to", "new file mode", "deleted file mode", "old mode", "new mode",
        "similarity index", "dissimilarity index", "index ", "GIT binary patch", "Binary files", "literal ", "delta ",
    ];

    /// <exception cref="DiffFormatException">Something in the diff is not accepted; the message names the line.</exception>
    public static ParsedDiff Parse(string diff)
    {
        var lines = diff.Split('\n');
        if (lines.Length > 0 && lines[^1].Length == 0)
            lines = lines[..^1];
        var sections = new List<DiffSection>();
        var sectionAhead = new bool[lines.Length + 1]; // whether a section starts at or after each line
        for (var k = lines.Length - 1; k >= 0; k--)
            sectionAhead[k] = sectionAhead[k + 1] || StartsGitSection(lines, k) || StartsPlainSection(lines, k);
        var i = 0;
        var afterBareGitHeader = false;
        while (i < lines.Length)
        {
            if (StartsGitSection(lines, i))
                sections.Add(ReadGitSection(lines, ref i));
            else if (StartsPlainSection(lines, i))
                sections.Add(ReadPlainSection(lines, ref i));
            else
            {
                RefuseUnlessInert(lines[i], i);
                // Dropping this line would join the next section's ---/+++ and hunks to the git header before it.
                if (afterBareGitHeader && sectionAhead[i + 1])
                    throw Refuse(i, $"text between a git header without hunks and the next section ('{Show(Header(lines[i]))}'): patch may read that section as this file's");
                i++;
                continue;
            }
            afterBareGitHeader = sections[^1].Lines.All(l => !l.StartsWith("@@", StringComparison.Ordinal));
        }
        return new ParsedDiff(sections);
    }

    private static bool StartsGitSection(string[] lines, int i) => Header(lines[i]).StartsWith("diff --git ", StringComparison.Ordinal);

    private static bool StartsPlainSection(string[] lines, int i) =>
        Header(lines[i]).StartsWith("--- ", StringComparison.Ordinal) && i + 1 < lines.Length && Header(lines[i + 1]).StartsWith("+++ ", StringComparison.Ordinal);

    private static DiffSection ReadPlainSection(string[] lines, ref int i)
    {
        var start = i;
        var oldPath = HeaderPath(Header(lines[i])[4..], i);
        var newPath = HeaderPath(Header(lines[i + 1])[4..], i + 1);
        if (oldPath is null && newPath is null)
            throw Refuse(start, "both file headers name /dev/null");
        i += 2;
        if (ReadHunks(lines, ref i) == 0)
            throw Refuse(start, "file headers with no hunk (@@) after them");
        return new DiffSection(start + 1, oldPath, newPath, null, lines[start..i]);
    }

    private static DiffSection ReadGitSection(string[] lines, ref int i)
    {
        var start = i;
        var (gitOld, gitNew) = GitNames(Header(lines[i])["diff --git ".Length..], i);
        i++;
        string? newMode = null, renameFrom = null, renameTo = null;
        int renameFromLine = -1, renameToLine = -1;
        var created = false;
        var deleted = false;
        var hasHunks = false;
        string? minusPath = null, plusPath = null;
        while (i < lines.Length)
        {
            var h = Header(lines[i]);
            if (h.StartsWith("old mode ", StringComparison.Ordinal))
                Mode(h["old mode ".Length..], i);
            else if (h.StartsWith("new mode ", StringComparison.Ordinal))
                newMode = Mode(h["new mode ".Length..], i);
            else if (h.StartsWith("new file mode ", StringComparison.Ordinal))
                (created, newMode) = (true, Mode(h["new file mode ".Length..], i));
            else if (h.StartsWith("deleted file mode ", StringComparison.Ordinal))
                (deleted, _) = (true, Mode(h["deleted file mode ".Length..], i));
            else if (h.StartsWith("index ", StringComparison.Ordinal))
            {
                var match = IndexLine.Match(h);
                if (!match.Success)
                    throw Refuse(i, $"unreadable git index line '{Show(h)}'");
                if (match.Groups[1].Success)
                    Mode(match.Groups[1].Value.Trim(), i);
            }
            else if (h.StartsWith("similarity index ", StringComparison.Ordinal) || h.StartsWith("dissimilarity index ", StringComparison.Ordinal))
            {
                if (!Similarity.IsMatch(h))
                    throw Refuse(i, $"unreadable git line '{Show(h)}'");
            }
            else if (h.StartsWith("rename from ", StringComparison.Ordinal))
                (renameFrom, renameFromLine) = (GitRelativeName(h["rename from ".Length..], i), i);
            else if (h.StartsWith("rename to ", StringComparison.Ordinal))
                (renameTo, renameToLine) = (GitRelativeName(h["rename to ".Length..], i), i);
            else if (h.StartsWith("copy from ", StringComparison.Ordinal) || h.StartsWith("copy to ", StringComparison.Ordinal))
                throw Refuse(i, $"a git copy ('{Show(h)}'): patch would create a file from another; send the new file as an added file instead");
            else if (h.StartsWith("GIT binary patch", StringComparison.Ordinal) || h.StartsWith("Binary files ", StringComparison.Ordinal))
                throw Refuse(i, $"a binary patch ('{Show(h)}'): only text diffs are accepted");
            else if (h.StartsWith("--- ", StringComparison.Ordinal) && i + 1 < lines.Length && Header(lines[i + 1]).StartsWith("+++ ", StringComparison.Ordinal))
            {
                minusPath = HeaderPath(h[4..], i);
                plusPath = HeaderPath(Header(lines[i + 1])[4..], i + 1);
                if (minusPath is not null && minusPath != gitOld)
                    throw Refuse(i, $"'--- a/{minusPath}' does not match the diff --git header's a/{gitOld}");
                if (plusPath is not null && plusPath != gitNew)
                    throw Refuse(i + 1, $"'+++ b/{plusPath}' does not match the diff --git header's b/{gitNew}");
                var headers = i;
                i += 2;
                if (ReadHunks(lines, ref i) == 0)
                    throw Refuse(headers, "file headers with no hunk (@@) after them");
                hasHunks = true;
                break;
            }
            else
                break; // the section ends; what follows is another section or text for the main loop
            i++;
        }

        if (renameFrom is not null || renameTo is not null)
        {
            if (renameFrom is null || renameTo is null)
                throw Refuse(Math.Max(renameFromLine, renameToLine), "a rename needs both 'rename from' and 'rename to'");
            if (renameFrom != gitOld)
                throw Refuse(renameFromLine, $"'rename from {renameFrom}' does not match the diff --git header's a/{gitOld}");
            if (renameTo != gitNew)
                throw Refuse(renameToLine, $"'rename to {renameTo}' does not match the diff --git header's b/{gitNew}");
        }
        else if (gitOld != gitNew)
            throw Refuse(start, $"the diff --git header names two files (a/{gitOld}, b/{gitNew}) but the section is no rename");
        if (created && deleted)
            throw Refuse(start, "a section that both creates and deletes its file");
        if (hasHunks && (created && minusPath is not null || deleted && plusPath is not null))
            throw Refuse(start, "'new file mode' or 'deleted file mode' disagrees with the ---/+++ headers");
        created |= hasHunks && minusPath is null;
        deleted |= hasHunks && plusPath is null;
        var oldPath = created ? null : gitOld;
        var newPath = deleted ? null : gitNew;
        return new DiffSection(start + 1, oldPath, newPath, newMode, lines[start..i]);
    }

    /// <summary>Reads the hunks that follow a section's headers; returns how many.</summary>
    private static int ReadHunks(string[] lines, ref int i)
    {
        var count = 0;
        while (i < lines.Length && lines[i].StartsWith("@@", StringComparison.Ordinal))
        {
            var header = i;
            var match = HunkHeader.Match(Header(lines[i]));
            if (!match.Success)
                throw Refuse(i, $"malformed hunk header '{Show(lines[i])}' (expected '@@ -l,s +l,s @@')");
            var oldLeft = Count(match.Groups[2], i);
            var newLeft = Count(match.Groups[4], i);
            i++;
            while (oldLeft > 0 || newLeft > 0)
            {
                if (i >= lines.Length)
                    throw Refuse(header, $"the hunk ends before its lines do ({oldLeft} old and {newLeft} new lines missing): the header's counts are wrong");
                var line = lines[i];
                var kind = Header(line).Length == 0 ? ' ' : line[0]; // GNU patch reads an empty line as empty context
                switch (kind)
                {
                    case ' ':
                        oldLeft--;
                        newLeft--;
                        break;
                    case '-':
                        oldLeft--;
                        break;
                    case '+':
                        newLeft--;
                        break;
                    case '\\':
                        break; // "\ No newline at end of file"
                    default:
                        throw Refuse(i, $"'{Show(line)}' inside a hunk: hunk lines start with ' ', '-', '+' or '\\'");
                }
                if (oldLeft < 0 || newLeft < 0)
                    throw Refuse(i, "the hunk has more lines than its header says");
                i++;
            }
            while (i < lines.Length && lines[i].StartsWith('\\'))
                i++;
            count++;
        }
        return count;
    }

    private static int Count(Group group, int line)
    {
        if (!group.Success)
            return 1;
        if (!int.TryParse(group.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count > MaxHunkLines)
            throw Refuse(line, $"hunk line count {group.Value} is too large");
        return count;
    }

    /// <summary>Text between sections is dropped before patch runs, but only if patch could not have read it as a diff.</summary>
    private static void RefuseUnlessInert(string raw, int i)
    {
        var line = Header(raw);
        var unindented = line.TrimStart(' ', '\t', '\f', '\v');
        if (unindented.Length == 0 || Interpretation(unindented) is not { } what)
            return;
        var problem = string.Format(CultureInfo.InvariantCulture, what, Show(unindented));
        throw Refuse(i, unindented.Length < line.Length
            ? $"an indented diff line: {problem}; GNU patch applies indented diffs, so send the diff without indentation"
            : problem);
    }

    /// <summary>How GNU patch could read a line found outside any section ({0} stands for the line), or null when it could not.</summary>
    private static string? Interpretation(string t)
    {
        if (t.StartsWith("***", StringComparison.Ordinal) || t.StartsWith("! ", StringComparison.Ordinal))
            return "a context-format hunk ('{0}'); only unified hunks (@@) are accepted";
        if (t.StartsWith("--- ", StringComparison.Ordinal))
            return "a '---' file header without its '+++' line ('{0}'), as in a context diff; only unified diffs are accepted";
        if (t.StartsWith("+++ ", StringComparison.Ordinal))
            return "a '+++' file header outside a hunk and without its '---' line ('{0}')";
        if (t.StartsWith("@@", StringComparison.Ordinal))
            return "a hunk header that follows no file headers ('{0}')";
        if ((t[0] is '+' or '-' && t is not ("---" or "--") && !t.StartsWith("-- ", StringComparison.Ordinal)) || t[0] == '\\')
            return "a hunk line outside a hunk ('{0}'): do the hunk header's counts match its lines?";
        if (t.StartsWith("< ", StringComparison.Ordinal) || t.StartsWith("> ", StringComparison.Ordinal) || t is "<" or ">" or ".")
            return "a line of a normal diff or ed script ('{0}'); only unified diffs are accepted";
        if (EdOrNormalCommand.IsMatch(t))
            return "a normal diff or ed script command ('{0}'); only unified diffs are accepted";
        if (t.StartsWith("Index:", StringComparison.Ordinal))
            return "an 'Index:' line ('{0}'), from which patch may take another file's name";
        if (t.StartsWith("Prereq:", StringComparison.Ordinal))
            return "a 'Prereq:' line ('{0}')";
        if (t.StartsWith("diff --git", StringComparison.Ordinal))
            return "a malformed 'diff --git' header ('{0}')";
        if (GitHeaderWords.FirstOrDefault(w => t.StartsWith(w, StringComparison.Ordinal)) is { } word)
            return $"a git '{word.Trim()}' line outside a 'diff --git' section ('{{0}}')";
        return null;
    }

    /// <summary>The two names of a <c>diff --git a/X b/Y</c> line, without their prefixes.</summary>
    private static (string Old, string New) GitNames(string text, int line)
    {
        var pos = 0;
        var first = ParseName(text, ref pos, line);
        var second = ParseName(text, ref pos, line);
        if (first is null || second is null || text[pos..].Trim().Length > 0)
            throw Refuse(line, "a 'diff --git' line must name exactly two files, a/… and b/… (quote names with spaces)");
        if (first == DevNull || second == DevNull)
            throw Refuse(line, "a 'diff --git' line cannot name /dev/null");
        return (Strip(first, line), Strip(second, line));
    }

    /// <summary>The path of a ---/+++ header (the name ends at whitespace unless quoted; a timestamp may follow); null for /dev/null.</summary>
    private static string? HeaderPath(string text, int line)
    {
        var pos = 0;
        var name = ParseName(text, ref pos, line) ?? throw Refuse(line, "a file header without a file name");
        return name == DevNull ? null : Strip(name, line);
    }

    /// <summary>A name of a rename line: relative to the root, without prefix, nothing after it.</summary>
    private static string GitRelativeName(string text, int line)
    {
        var pos = 0;
        var name = ParseName(text, ref pos, line);
        if (name is null || text[pos..].Trim().Length > 0)
            throw Refuse(line, "a rename line must name exactly one file (quote names with spaces)");
        return Checked(name, line);
    }

    /// <summary>One file name as GNU patch reads it: C-quoted, or up to the next whitespace. Null when there is none.</summary>
    private static string? ParseName(string text, ref int pos, int line)
    {
        while (pos < text.Length && text[pos] is ' ' or '\t')
            pos++;
        if (pos >= text.Length)
            return null;
        if (text[pos] != '"')
        {
            var start = pos;
            while (pos < text.Length && !char.IsWhiteSpace(text[pos]))
                pos++;
            return text[start..pos];
        }
        var bytes = new List<byte>();
        pos++;
        while (true)
        {
            if (pos >= text.Length)
                throw Refuse(line, "a quoted file name without its closing quote");
            var c = text[pos++];
            if (c == '"')
                break;
            if (c != '\\')
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(c.ToString()));
                continue;
            }
            if (pos >= text.Length)
                throw Refuse(line, "a quoted file name ending in a backslash");
            var e = text[pos++];
            switch (e)
            {
                case '\\' or '"': bytes.Add((byte)e); break;
                case 'a': bytes.Add(7); break;
                case 'b': bytes.Add(8); break;
                case 't': bytes.Add(9); break;
                case 'n': bytes.Add(10); break;
                case 'v': bytes.Add(11); break;
                case 'f': bytes.Add(12); break;
                case 'r': bytes.Add(13); break;
                case >= '0' and <= '7':
                    var value = e - '0';
                    for (var k = 0; k < 2 && pos < text.Length && text[pos] is >= '0' and <= '7'; k++)
                        value = value * 8 + (text[pos++] - '0');
                    if (value > 255)
                        throw Refuse(line, "an octal escape above \\377 in a quoted file name");
                    bytes.Add((byte)value);
                    break;
                default:
                    throw Refuse(line, $"unknown escape '\\{e}' in a quoted file name");
            }
        }
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes.ToArray());
        }
        catch (DecoderFallbackException)
        {
            throw Refuse(line, "a quoted file name that is not UTF-8");
        }
    }

    /// <summary>-p1 strips the first component whatever it is; anything but a/ or b/ would mean another root.</summary>
    private static string Strip(string name, int line)
    {
        if (!name.StartsWith("a/", StringComparison.Ordinal) && !name.StartsWith("b/", StringComparison.Ordinal))
            throw Refuse(line, $"file header '{Show(name)}' lacks the a/ or b/ prefix (paths must be relative to the container root, applied with -p1)");
        return Checked(name[2..], line);
    }

    private static string Checked(string path, int line)
    {
        if (path.Length == 0)
            throw Refuse(line, "an empty path");
        if (path.StartsWith('/') || path.Contains("//", StringComparison.Ordinal) || path.EndsWith('/') || path.Contains('\\') || path.Any(char.IsControl))
            throw Refuse(line, $"'{Show(path)}': absolute or malformed path");
        if (path.Split('/').Any(p => p is "." or ".."))
            throw Refuse(line, $"'{Show(path)}': path with '.' or '..' components");
        return path;
    }

    private static string Mode(string text, int line) => text.Trim() switch
    {
        RegularMode or ExecutableMode => text.Trim(),
        "120000" => throw Refuse(line, "a symbolic link (mode 120000): only regular files (modes 100644 and 100755) are accepted"),
        "160000" => throw Refuse(line, "a submodule (mode 160000): only regular files (modes 100644 and 100755) are accepted"),
        "040000" => throw Refuse(line, "a directory (mode 040000): only regular files (modes 100644 and 100755) are accepted"),
        var other => throw Refuse(line, $"file mode '{Show(other)}': only regular files (modes 100644 and 100755) are accepted"),
    };

    // Header lines are matched without a trailing CR (GNU patch strips CRs from a CRLF diff); hunk lines keep theirs.
    private static string Header(string line) => line.EndsWith('\r') ? line[..^1] : line;

    private static string Show(string text)
    {
        var visible = new string(text.Select(c => char.IsControl(c) ? '?' : c).ToArray());
        return visible.Length > 120 ? visible[..120] + "…" : visible;
    }

    private static DiffFormatException Refuse(int index, string problem) => new(index + 1, problem);
}
