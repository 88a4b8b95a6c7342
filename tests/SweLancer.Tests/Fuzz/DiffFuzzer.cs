using System.Text;

namespace SweLancer.Tests.Fuzz;

/// <summary>
/// Generates diffs for the fuzz spec from a fixed seed: well-formed sections of every kind GNU patch knows (unified,
/// git with modes, renames, copies and binaries, context format, normal diffs, ed scripts, Index:, indented text),
/// aimed at paths inside and outside the app, with hunks that mostly apply to <see cref="FuzzSandbox"/>'s files, then
/// mutated line by line (dropped, doubled, swapped, re-counted, indented, CRLF, prefixes changed), plus line soup.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
internal sealed class DiffFuzzer(int seed)
{
    private readonly Random _random = new(seed);

    private static readonly string[] Existing = ["srv/app/a.txt", "srv/app/sub/b.txt", "srv/app/run.sh", "srv/app/filelink", "srv/application/c.txt", "usr/bin/tr", "hidden-tests/test.sh"];

    private static readonly string[] Fresh =
    [
        "srv/app/new.txt", "srv/app/sub/new/deep.txt", "srv/app/link/x", "usr/sbin/sh", "hidden-tests/extra.sh", "srv/app/test.sh",
        "srv/application/new.txt", "srv/app/../usr/sbin/sh", "srv/app/./z", "srv//app/y", "srv/app/sp ace.txt", "srv/app/link", ".hidden", "srv",
    ];

    private static readonly string[] Junk =
    [
        "", "Here is the fix:", "```diff", "```", "---", "-- ", "2.39.2", " srv/app/a.txt | 2 +-", "1 file changed", "Index: usr/bin/tr",
        "Prereq: 1", "1c1", "2a", "3,4d", ".", "< two", "> TWO", "***************", "*** 1,2 ****", "--- 1,2 ----", "! two", "@@ -1 +1 @@",
        "+++ b/usr/sbin/sh", "--- a/usr/sbin/sh", "+x", "-y", "\\ No newline at end of file", "diff --git a/usr/sbin/sh b/usr/sbin/sh",
        "new file mode 100755", "copy from srv/app/run.sh", "copy to usr/sbin/sh", "rename to usr/sbin/sh", "GIT binary patch", "literal 0",
        "Binary files a/x and b/x differ", "diff -u a/usr/bin/tr b/usr/bin/tr", "index 0000000..1111111 100755", "old mode 100644", "  +++ b/x",
        "\t@@ -1 +1 @@", "s/two/TWO/", "w", "q", "From 123 Mon Sep 17 00:00:00 2001", "Subject: x", "\u00e9\u00e8", "\0",
    ];

    private static readonly string[] GoodExisting = ["srv/app/a.txt", "srv/app/sub/b.txt", "srv/app/run.sh"];
    private static readonly string[] GoodFresh = ["srv/app/new.txt", "srv/app/sub/new/deep.txt", "srv/app/more/n.sh"];

    private bool _honest;

    public string Next()
    {
        var roll = _random.Next(100);
        _honest = roll >= 55; // nearly half the cases aim only at the app, so that many get applied
        var text = roll < 10 ? Soup() : string.Concat(Enumerable.Range(0, 1 + _random.Next(3)).Select(_ => Section()));
        if (_random.Next(100) < 15)
            text = Pick(Junk) + "\n" + text;
        if (_random.Next(100) < 10)
            text += Pick(Junk) + "\n";
        var mutations = _random.Next(100) < (_honest ? 70 : 50) ? 0 : 1 + _random.Next(3);
        for (var i = 0; i < mutations; i++)
            text = Mutate(text);
        return text;
    }

    private string Section()
    {
        var existing = _honest ? Pick(GoodExisting) : Pick(Existing);
        var fresh = _honest ? Pick(GoodFresh) : Pick(Fresh);
        return (_honest ? Pick([0, 1, 3, 4, 5, 6, 7, 8, 10]) : _random.Next(16)) switch
        {
            0 or 1 or 2 => Header(Name("a", existing), Name("b", existing)) + ModifyHunk(existing),
            3 => Header("/dev/null", Name("b", fresh)) + CreateHunk(),
            4 => Header(Name("a", existing), "/dev/null") + DeleteHunk(existing),
            5 => Git(existing, existing) + Maybe("index 1234567..89abcde 100644\n") + Header(Name("a", existing), Name("b", existing)) + ModifyHunk(existing),
            6 => Git(fresh, fresh) + $"new file mode {(_honest ? Pick(["100644", "100755"]) : Pick(["100644", "100755", "120000", "160000", "100664"]))}\n" +
                 (_random.Next(3) == 0 ? "" : Header("/dev/null", Name("b", fresh)) + CreateHunk()),
            7 => Git(existing, existing) + "deleted file mode 100644\n" + (_random.Next(2) == 0 ? "" : Header(Name("a", existing), "/dev/null") + DeleteHunk(existing)),
            8 => Rename(existing, _random.Next(3) == 0 ? Pick(Existing) : fresh),
            9 => Git(existing, _random.Next(2) == 0 ? fresh : Pick(GoodFresh)) + "similarity index 100%\ncopy from " + existing + "\ncopy to " + fresh + "\n",
            10 => Git(existing, existing) + $"old mode 100644\nnew mode {(_honest ? "100755" : Pick(["100755", "120000", "100644"]))}\n",
            11 => Git(existing, existing) + "index 1234567..89abcde 100644\n" + Pick(["GIT binary patch\nliteral 1\nIcmZ?w\n\n", "Binary files a/x and b/x differ\n"]),
            12 => $"*** {Name("a", existing)}\n--- {Name("b", fresh)}\n***************\n*** 1 ****\n--- 1,2 ----\n+ x\n+ y\n",
            13 => Pick(["", $"Index: {existing}\n"]) + "1c1\n< one\n---\n> ONE\n",
            14 => $"Index: {Pick(Existing)}\n" + Header(Name("a", fresh), Name("b", fresh)) + ModifyHunk(existing),
            _ => Header(Name("a", existing), Name("b", _random.Next(2) == 0 ? fresh : Pick(Existing))) + ModifyHunk(existing),
        };
    }

    private string Rename(string from, string to)
    {
        var lines = Git(from, to) + "similarity index 90%\n";
        var renameFrom = !_honest && _random.Next(5) == 0 ? Pick(Fresh) : from;
        var renameTo = !_honest && _random.Next(5) == 0 ? Pick(Existing) : to;
        lines += $"rename from {renameFrom}\nrename to {renameTo}\n";
        return _random.Next(2) == 0 ? lines : lines + Header(Name("a", from), Name("b", to)) + ModifyHunk(from);
    }

    private string Git(string from, string to) => $"diff --git {Name("a", from)} {Name("b", to)}\n";

    private string Header(string minus, string plus) =>
        $"--- {minus}{Maybe("\t2024-01-01 00:00:00.000000000 +0000")}\n+++ {plus}{Maybe("\t2024-01-02 00:00:00")}\n";

    private string Name(string prefix, string path)
    {
        var name = (_honest ? 3 + _random.Next(17) : _random.Next(20)) switch
        {
            0 => path,                 // no prefix
            1 => "c/" + path,          // another prefix
            2 => "/" + path,
            _ => prefix + "/" + path,
        };
        if (name.Contains(' ') || _random.Next(15) == 0)
            name = "\"" + name.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
        return name;
    }

    private string ModifyHunk(string path)
    {
        var lines = FuzzSandbox.Files.TryGetValue(path, out var known) ? known : ["x", "y"];
        var at = _random.Next(lines.Length);
        var sb = new StringBuilder($"@@ -1,{lines.Length} +1,{lines.Length} @@\n");
        for (var i = 0; i < lines.Length; i++)
            sb.Append(i == at ? $"-{lines[i]}\n+{lines[i].ToUpperInvariant()}!\n" : $" {lines[i]}\n");
        return sb.ToString();
    }

    private string CreateHunk() => _random.Next(4) == 0 ? "@@ -0,0 +1 @@\n+only\n\\ No newline at end of file\n" : "@@ -0,0 +1,2 @@\n+x\n+y\n";

    private static string DeleteHunk(string path)
    {
        var lines = FuzzSandbox.Files.TryGetValue(path, out var known) ? known : ["x"];
        return $"@@ -1,{lines.Length} +0,0 @@\n" + string.Concat(lines.Select(l => $"-{l}\n"));
    }

    private string Soup() => string.Concat(Enumerable.Range(0, 1 + _random.Next(12)).Select(_ => Pick(Junk) + "\n"));

    private string Mutate(string text)
    {
        var lines = text.Split('\n').ToList();
        if (lines.Count > 1 && lines[^1].Length == 0)
            lines.RemoveAt(lines.Count - 1);
        if (lines.Count == 0)
            return Pick(Junk) + "\n";
        var i = _random.Next(lines.Count);
        switch (_random.Next(10))
        {
            case 0: lines.RemoveAt(i); break;
            case 1: lines.Insert(i, lines[i]); break;
            case 2 when i + 1 < lines.Count: (lines[i], lines[i + 1]) = (lines[i + 1], lines[i]); break;
            case 3: lines[i] = RecountHunk(lines[i]); break;
            case 4: lines.Insert(i, Pick(Junk)); break;
            case 5: lines[i] = Pick(["  ", "\t", " "]) + lines[i]; break;
            case 6: return string.Join("\r\n", lines) + "\r\n";
            case 7: lines[i] = lines[i].Replace(" a/", " b/").Replace(" b/srv", " a/usr"); break;
            case 8: return string.Join("\n", lines); // no final newline
            default: lines[i] = lines[i].Length > 0 ? lines[i][.._random.Next(lines[i].Length)] : "+"; break;
        }
        return string.Join("\n", lines) + "\n";
    }

    private string RecountHunk(string line) =>
        line.StartsWith("@@", StringComparison.Ordinal) ? $"@@ -{_random.Next(3)},{_random.Next(4)} +{_random.Next(3)},{_random.Next(4)} @@" : line;

    private string Maybe(string text) => _random.Next(3) == 0 ? text : "";

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];
}
