using System.Text;
using SweLancer.IntegrationTests.Infrastructure;
using SweLancer.Tests.Shared;
using Xunit;

namespace SweLancer.IntegrationTests.Inputs;

/// <summary>
/// Inputs that used to end `swelancer sweep` with exit 1 and a bare .NET message (no file, no line): a lone surrogate
/// escape, a Latin-1 manifest, prices whose sum overflows decimal, invalid UTF-8 in a CSV. Now: exit 2, the file and
/// the place, no stack trace, nothing written.
/// </summary>
public sealed class UnreadableInputCliSpec
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(1);

    private static string Demo(string file) => Path.Combine(SharedDataset.RepoRoot, "samples", "demo", file);

    public static TheoryData<string, string, string> Inputs => new()
    {
        { "submissions", "sur.jsonl", ":1: invalid JSON at byte 88: the string escape holds a lone UTF-16 surrogate (\\ud800 without its pair)" },
        { "tasks", "latin1.json", ":line 10: invalid UTF-8 at byte 25 of the line (byte 247 of the file): 0xE9" },
        { "tasks", "overflow.json", ":line 9, $.tasks[0].price: must be at most 1000000000, not 79228162514264337593543950335" },
        { "tasks", "bad.csv", ":line 3: invalid UTF-8 at byte 16 of the line" },
    };

    private static void Write(string path)
    {
        var demo = File.ReadAllText(Demo("tasks.json"));
        switch (Path.GetFileName(path))
        {
            case "sur.jsonl":
                File.WriteAllText(path, "{\"question_id\": \"demo-101-manager\", \"selected_proposal_id\": \"2\", \"model_name_or_path\": \"\\ud800\"}\n");
                break;
            case "latin1.json":
                File.WriteAllBytes(path, Encoding.Latin1.GetBytes(demo.Replace("\"Expense list", "\"Expense élist")));
                break;
            case "overflow.json":
                File.WriteAllText(path, demo.Replace("\"price\": 500,", "\"price\": 79228162514264337593543950335,").Replace("\"price\": 1000,", "\"price\": 79228162514264337593543950335,"));
                break;
            case "bad.csv":
                File.WriteAllBytes(path, [.. "question_id,variant,price,title\nm1,ic_swe,5,fine\nm2,ic_swe,5,caf"u8, 0xE9, .. "\n"u8]);
                break;
        }
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public async Task Is_refused_with_exit_2_naming_file_and_place_without_a_stack_trace(string which, string name, string expected)
    {
        using var dir = new TempDir();
        var file = dir.File(name);
        Write(file);
        var tasks = which == "tasks" ? file : Demo("tasks.json");
        var submissions = which == "submissions" ? file : Demo("submissions.jsonl");
        var outDir = dir.File("out");

        var run = await CoordinatorCli.RunAsync(Timeout, "sweep", "--tasks", tasks, "--submissions", submissions, "--out", outDir);

        Assert.True(run.ExitCode == 2, run.All);
        Assert.Contains($"error: {file}{expected}", run.All);
        Assert.DoesNotContain("   at ", run.All);
        Assert.False(Directory.Exists(outDir), "nothing may be written for refused input");
    }
}
