using System.Diagnostics;
using System.Text;
using SweLancer.Domain.Import;
using SweLancer.Messages.Tasks;
using SweLancer.Tests.Shared;
using Xunit;

namespace SweLancer.Tests.Fuzz;

/// <summary>
/// Thousands of generated, mostly malformed task tables, task manifests and submission files, written as bytes (so
/// invalid UTF-8, byte order marks, NULs and CRLFs reach the readers) and read twice. Each gets a clean
/// <see cref="InputFormatException"/> that names the file, or the same tasks both times, and what is accepted holds
/// the readers' promises: prices within the limit and summable, ids non-empty, unique and valid text, a manager task's
/// correct proposal among its proposals. Fixed seed; bounded by case counts and a time limit.
/// </summary>
public class InputFuzzSpec
{
    private const int Seed = 20261202;
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(20);

    private static readonly UTF8Encoding StrictUtf8 = new(false, throwOnInvalidBytes: true);

    private static readonly string[] Prices = ["500", "4000.0", "0", "-1", "", " 12 ", "1e3", "1e30", "79228162514264337593543950335", "NaN", "1,000", "0x10", "1000000000", "1000000000.01", "$5", "٣"];
    private static readonly string[] Variants = ["ic_swe", "swe_manager", "IC_SWE", "", "manager", "ic_swe "];
    private static readonly string[] ManagerData =
    [
        "{'game': {'correct_proposal': {'id': 2}, 'all_formal_proposals': [{'id': 1}, {'id': 2}]}, 'title': 'T'}",
        "{'game': {'correct_proposal': {'id': 7}, 'all_formal_proposals': [{'id': 1}]}}",
        "{'game': {'correct_proposal': {'id': 2}, 'all_formal_proposals': []}}",
        "{'game': {'correct_proposal': {'id': '\\ud800'}, 'all_formal_proposals': [{'id': '\\ud800'}]}}",
        "{'game': {'correct_proposal': {'id': 1}, 'all_formal_proposals': {'id': 1}}}",
        "{'game': {'correct_proposal': {'id': 1.5}}}", "{'game': {}}", "{'game': {'correct_proposal': {'id': True}}}",
        "{'title': '\\ud83d\\ude00', 'game': {'correct_proposal': {'id': 3}}}", "{'game': {'correct_proposal': {'id': 1}", "None", "", "[1, 2]",
        "{'game': {'correct_proposal': {'id': 99999999999999999999999}}}", "{'a': b'\\xff'}", "{\"game\": {\"correct_proposal\": {\"id\": \"1\"}}}",
    ];

    private static readonly string[] JsonValues =
    [
        "\"a\"", "\"\"", "\" \"", "1", "0", "-1", "1.5", "1e400", "2147483648", "true", "null", "[]", "{}", "\"\\ud800\"", "\"\\udc00x\"",
        "\"\\ud83d\\ude00\"", "\"caf\\u00e9\"", "79228162514264337593543950335", "\"\\u0000\"", "[[[[[[[[[[1]]]]]]]]]]",
    ];

    [Fact]
    public void Malformed_task_tables_manifests_and_submissions_get_a_clean_error_or_a_consistent_result()
    {
        var random = new Random(Seed);
        using var dir = new TempDir();
        var clock = Stopwatch.StartNew();
        var problems = new List<string>();
        var counts = new Dictionary<string, (int Cases, int Accepted)>();

        void Run(string kind, int cases, Func<byte[]> generate, Func<string, object> read, Func<object, string?> check, string extension)
        {
            var (done, accepted) = (0, 0);
            var own = Stopwatch.StartNew(); // each kind gets a third of the budget
            for (; done < cases && own.Elapsed < Budget / 3 && problems.Count < 5; done++)
            {
                var bytes = generate();
                var path = dir.File($"{kind}-{done}{extension}");
                File.WriteAllBytes(path, bytes);
                var first = Outcome(path, read, out var value);
                var second = Outcome(path, read, out _);
                if (first != second)
                    problems.Add($"{kind} {done}: read twice, decided twice: {first} / {second}\n{Show(bytes)}");
                else if (first.StartsWith("crash", StringComparison.Ordinal))
                    problems.Add($"{kind} {done}: {first}\n{Show(bytes)}");
                else if (value is not null)
                {
                    accepted++;
                    if (check(value) is { } broken)
                        problems.Add($"{kind} {done}: accepted but {broken}\n{Show(bytes)}");
                }
                File.Delete(path);
            }
            counts[kind] = (done, accepted);
        }

        Run("csv", 3000, () => Csv(random), p => SweLancerCsvReader.Read(p), v => CheckTasks((IReadOnlyList<TaskDefinition>)v), ".csv");
        Run("manifest", 1500, () => Manifest(random), p => TaskManifestReader.Read(p), v => CheckTasks((IReadOnlyList<TaskDefinition>)v), ".json");
        Run("jsonl", 3000, () => Submissions(random), p => SubmissionReader.Read(p), v => CheckSubmissions((SubmissionFile)v), ".jsonl");

        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{clock.Elapsed.TotalSeconds:0.0} s: " + string.Join(", ", counts.Select(c => $"{c.Key} {c.Value.Cases} cases ({c.Value.Accepted} accepted)")));
        Assert.True(problems.Count == 0, string.Join("\n\n", problems));
        Assert.All(counts, c => Assert.True(c.Value.Cases >= 300 && c.Value.Accepted >= 20, $"{c.Key}: {c.Value.Cases} cases, {c.Value.Accepted} accepted"));
    }

    /// <summary>"ok: …" with a digest of the result, "error: …" with the message, or "crash: …" for anything else.</summary>
    private static string Outcome(string path, Func<string, object> read, out object? value)
    {
        value = null;
        try
        {
            value = read(path);
            return "ok: " + Digest(value);
        }
        catch (InputFormatException ex)
        {
            if (!ex.Message.StartsWith(path, StringComparison.Ordinal) || ex.Message.Contains("   at ", StringComparison.Ordinal))
                return $"crash: an input error that does not start with its file: {ex.Message}";
            return "error: " + ex.Message;
        }
        catch (Exception ex)
        {
            return $"crash: {ex.GetType().Name}: {ex.Message}";
        }
    }

    private static string Digest(object value) => value switch
    {
        IReadOnlyList<TaskDefinition> tasks => string.Join("|", tasks.Select(t => $"{t.QuestionId},{t.Variant},{t.PriceUsd},{t.Manager?.CorrectProposalId},{string.Join(";", t.Manager?.ProposalIds ?? [])}")),
        SubmissionFile file => string.Join("|", file.Submissions.Select(s => $"{s.QuestionId},{s.Attempt},{s.SelectedProposalId},{s.ModelPatch?.Length}")),
        _ => value.ToString() ?? "",
    };

    private static string? CheckTasks(IReadOnlyList<TaskDefinition> tasks)
    {
        decimal total = 0;
        foreach (var task in tasks)
        {
            if (task.PriceUsd is < 0 or > TaskPrices.MaxUsd)
                return $"task {task.QuestionId} has price {task.PriceUsd}";
            total = checked(total + task.PriceUsd);
            if (string.IsNullOrWhiteSpace(task.QuestionId) || !IsText(task.QuestionId))
                return $"a question id is blank or not valid text";
            if (task.Variant == TaskVariants.SweManager)
            {
                if (task.Manager is null || !IsText(task.Manager.CorrectProposalId) || !task.Manager.ProposalIds.All(IsText))
                    return $"manager task {task.QuestionId} has no spec or ids that are not valid text";
                if (task.Manager.ProposalIds.Count > 0 && !task.Manager.ProposalIds.Contains(task.Manager.CorrectProposalId))
                    return $"manager task {task.QuestionId}: correct {task.Manager.CorrectProposalId} is not among {string.Join(",", task.Manager.ProposalIds)}";
            }
        }
        return tasks.Select(t => t.QuestionId).Distinct().Count() == tasks.Count ? null : "question ids repeat";
    }

    private static string? CheckSubmissions(SubmissionFile file)
    {
        foreach (var s in file.Submissions)
        {
            if (string.IsNullOrWhiteSpace(s.QuestionId) || s.Attempt < 1)
                return $"submission '{s.QuestionId}' attempt {s.Attempt}";
            if (!new[] { s.QuestionId, s.SelectedProposalId, s.ModelPatch, s.ModelNameOrPath }.OfType<string>().All(IsText))
                return $"submission {s.QuestionId} holds text that is not valid UTF-16 (a lone surrogate)";
        }
        return null;
    }

    private static bool IsText(string text)
    {
        try
        {
            StrictUtf8.GetByteCount(text);
            return true;
        }
        catch (EncoderFallbackException)
        {
            return false;
        }
    }

    // --- generators ----------------------------------------------------------------------------------

    private static byte[] Csv(Random random)
    {
        string[] full = ["question_id", "variant", "price", "manager_data", "proposals", "acceptable_folders", "cwd", "title"];
        var header = random.Next(10) switch
        {
            0 => full.Where(_ => random.Next(3) > 0).ToArray(),
            1 => [.. full, "price"],
            _ => full,
        };
        var rows = new StringBuilder(string.Join(",", header)).Append('\n');
        var ids = new[] { "a", "b", "c", "a", "", " ", "x\"y", "é", "m-1" };
        for (var r = 0; r < random.Next(6); r++)
        {
            var cells = header.Select(column => column switch
            {
                "question_id" => random.Next(4) > 0 ? $"q{r}" : Pick(random, ids) + (random.Next(3) == 0 ? "" : r.ToString()),
                "variant" => random.Next(4) > 0 ? "swe_manager" : Pick(random, Variants),
                "price" => random.Next(4) > 0 ? "500" : Pick(random, Prices),
                "manager_data" => random.Next(3) > 0 ? ManagerData[random.Next(4)] : Pick(random, ManagerData),
                "proposals" => Pick(random, ["", "[]", "[{'id': 1}, {'id': 2}]", "[{'id': 7}]", "['1', 2]", "[{'x': 1}]", "{'id': 1}"]),
                "acceptable_folders" => Pick(random, ["", "['src']", "[]", "['a', 1]", "'src'", "[None]"]),
                "cwd" => Pick(random, ["", "/app", "app"]),
                _ => Pick(random, ["", "title", "t,with,commas", "line\nbreak"]),
            });
            rows.Append(string.Join(",", cells.Select(c => random.Next(4) == 0 ? c : "\"" + c.Replace("\"", "\"\"") + "\""))).Append('\n');
        }
        return MutateBytes(random, Encoding.UTF8.GetBytes(rows.ToString()));
    }

    private static byte[] Manifest(Random random)
    {
        var tasks = Enumerable.Range(0, random.Next(4)).Select(i => random.Next(2) == 0
            ? $"{{\"question_id\": {Value(random, $"\"m{i}\"")}, \"variant\": \"swe_manager\", \"price\": {Value(random, "10")}, \"title\": {Value(random, "\"t\"")}, " +
              $"\"manager\": {{\"correct_proposal_id\": {Value(random, "\"1\"")}, \"proposals\": [{{\"id\": {Value(random, "\"1\"")}}}, {{\"id\": {Value(random, "2")}}}]}}}}"
            : $"{{\"question_id\": {Value(random, $"\"i{i}\"")}, \"variant\": {Value(random, "\"ic_swe\"")}, \"price\": {Value(random, "5")}, \"ic\": {{\"acceptable_folders\": [{Value(random, "\"srv/app\"")}]}}}}");
        var json = $"{{\"format\": \"swelancer-task-manifest\", \"version\": {Value(random, "1")}, \"tasks\": [{string.Join(",\n", tasks)}]}}\n";
        return MutateBytes(random, Encoding.UTF8.GetBytes(json));
    }

    private static byte[] Submissions(Random random)
    {
        var lines = Enumerable.Range(0, 1 + random.Next(5)).Select(i => random.Next(8) switch
        {
            0 => "",
            1 => "{not json",
            2 => Value(random, "{}"),
            _ => $"{{\"question_id\": {Value(random, $"\"q{i % 3}\"")}, \"attempt\": {Value(random, "1")}, \"selected_proposal_id\": {Value(random, "\"2\"")}, " +
                 $"\"model_patch\": {Value(random, "\"--- a/x\\n+++ b/x\\n\"")}, \"model_name_or_path\": {Value(random, "\"m\"")}}}",
        });
        return MutateBytes(random, Encoding.UTF8.GetBytes(string.Join(random.Next(5) == 0 ? "\r\n" : "\n", lines) + "\n"));
    }

    /// <summary>Mostly the intended value, sometimes any other JSON value.</summary>
    private static string Value(Random random, string usual) => random.Next(4) == 0 ? Pick(random, JsonValues) : usual;

    private static byte[] MutateBytes(Random random, byte[] bytes)
    {
        var list = bytes.ToList();
        var mutations = random.Next(3) == 0 ? random.Next(1, 4) : 0;
        for (var m = 0; m < mutations && list.Count > 0; m++)
        {
            var at = random.Next(list.Count);
            switch (random.Next(6))
            {
                case 0: list.RemoveAt(at); break;
                case 1: list.Insert(at, Pick(random, new byte[] { 0xFF, 0xC3, 0xE9, 0xED, 0x80, 0x00, (byte)'"', (byte)',', (byte)'\n', (byte)'\\', (byte)'{' })); break;
                case 2: list.InsertRange(at, Encoding.UTF8.GetBytes(Pick(random, ["\\ud800", "\\u0000", "'", "\"\"", "\r", "]", "}"]))); break;
                case 3: list.RemoveRange(at, list.Count - at); break;
                case 4: list.InsertRange(0, Pick(random, new[] { new byte[] { 0xEF, 0xBB, 0xBF }, [0xFF, 0xFE], [0xFE, 0xFF] })); break;
                default: list[at] = (byte)random.Next(256); break;
            }
        }
        return [.. list];
    }

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private static string Show(byte[] bytes)
    {
        var text = Encoding.UTF8.GetString(bytes);
        return text.Length > 800 ? text[..800] + "…" : text;
    }
}
