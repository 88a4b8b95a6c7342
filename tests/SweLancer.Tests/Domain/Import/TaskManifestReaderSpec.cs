using SweLancer.Domain.Import;
using SweLancer.Messages.Tasks;
using SweLancer.Tests.Shared;
using Xunit;

namespace SweLancer.Tests.Domain.Import;

public class TaskManifestReaderSpec
{
    private const string Example = """
        {
          "format": "swelancer-task-manifest",
          "version": 1,
          "name": "sample pool",
          "tasks": [
            { "question_id": "exp-101-manager", "variant": "swe_manager", "price": 500, "title": "Pick a fix",
              "manager": { "correct_proposal_id": "2", "proposals": [ { "id": "1", "summary": "a" }, { "id": 2, "summary": "b" } ] } },
            { "question_id": "exp-201", "variant": "ic_swe", "price": 1000.50, "title": "Fix the bug", "description": "The issue text",
              "ic": { "acceptable_folders": ["src"], "cwd": "/app", "a_later_field": { "name": "x" } } }
          ]
        }
        """;

    private static TaskManifest Read(string json)
    {
        using var dir = new TempDir();
        return TaskManifestReader.ReadManifest(dir.Write("pool.json", json));
    }

    private static InputFormatException Fails(string json)
    {
        using var dir = new TempDir();
        var path = dir.Write("pool.json", json);
        var ex = Assert.Throws<InputFormatException>(() => TaskManifestReader.Read(path));
        Assert.Equal(path, ex.Path);
        Assert.StartsWith(path + ":", ex.Message);
        return ex;
    }

    /// <summary>A manifest whose tasks array holds <paramref name="tasksJson"/>, one task per line from line 6.</summary>
    private static string WithTasks(params string[] tasksJson) =>
        "{\n  \"format\": \"swelancer-task-manifest\",\n  \"version\": 1,\n  \"tasks\": [\n" +
        string.Join(",\n", tasksJson) + "\n  ]\n}\n";

    [Fact]
    public void Reads_the_documented_example()
    {
        var manifest = Read(Example);
        Assert.Equal("sample pool", manifest.Name);
        Assert.Equal(2, manifest.Tasks.Count);

        var manager = manifest.Tasks[0];
        Assert.Equal("exp-101-manager", manager.QuestionId);
        Assert.Equal(TaskVariants.SweManager, manager.Variant);
        Assert.Equal(500m, manager.PriceUsd);
        Assert.Equal("Pick a fix", manager.Title);
        Assert.Equal(new ManagerTaskSpec("2", ["1", "2"]).CorrectProposalId, manager.Manager!.CorrectProposalId);
        Assert.Equal(["1", "2"], manager.Manager.ProposalIds); // the numeric id 2 is normalised to "2"
        Assert.Null(manager.Ic);

        var ic = manifest.Tasks[1];
        Assert.Equal(1000.50m, ic.PriceUsd);
        Assert.Equal(["src"], ic.Ic!.AcceptableFolders); // unknown ic properties tolerated
        Assert.Equal("/app", ic.Ic.Cwd);
        Assert.Null(ic.Manager);
    }

    [Fact]
    public void Read_returns_just_the_tasks()
    {
        using var dir = new TempDir();
        var tasks = TaskManifestReader.Read(dir.Write("pool.json", Example));
        Assert.Equal(["exp-101-manager", "exp-201"], tasks.Select(t => t.QuestionId));
    }

    [Fact]
    public void Accepts_numeric_correct_id_without_proposals_comments_trailing_commas_and_a_bom()
    {
        var json = "\uFEFF" + WithTasks(
            """    { "question_id": "m", "variant": "swe_manager", "price": 0, "manager": { "correct_proposal_id": 7 }, } /* free task */""",
            """    { "question_id": "i", "variant": "ic_swe", "price": 3 }""");
        var manifest = Read(json);
        Assert.Null(manifest.Name);
        Assert.Equal("7", manifest.Tasks[0].Manager!.CorrectProposalId);
        Assert.Empty(manifest.Tasks[0].Manager!.ProposalIds);
        Assert.Empty(manifest.Tasks[1].Ic!.AcceptableFolders);
        Assert.Null(manifest.Tasks[1].Ic!.Cwd);
        Assert.Null(manifest.Tasks[1].Title);
    }

    [Fact]
    public void Invalid_json_names_the_line()
    {
        var ex = Fails("{\n  \"format\": \"swelancer-task-manifest\",\n  \"version\": 1\n  \"tasks\": []\n}");
        Assert.Equal(4, ex.Line);
        Assert.Contains(":line 4: invalid JSON at byte 3 of the line:", ex.Message);
        Assert.DoesNotContain("LineNumber", ex.Message);
    }

    [Fact]
    public void Wrong_format_or_version_is_reported()
    {
        var format = Fails("""{ "format": "something-else", "version": 1, "tasks": [] }""");
        Assert.Contains(":line 1, $.format: expected \"swelancer-task-manifest\", found \"something-else\"", format.Message);
        Assert.Single(format.Problems);

        var version = Fails("{\n \"format\": \"swelancer-task-manifest\",\n \"version\": 2,\n \"tasks\": []\n}");
        Assert.Contains(":line 3, $.version: unsupported version 2; this reader understands version 1", version.Message);
        Assert.Equal("$.version", version.Column);

        var missing = Fails("""{ "tasks": [] }""");
        Assert.Contains("$.format: missing", missing.Message);
        Assert.Contains("$.version: missing", missing.Message);
    }

    [Fact]
    public void Root_must_be_an_object_with_a_tasks_array()
    {
        Assert.Contains("the manifest must be a JSON object, not an array", Fails("[]").Message);
        Assert.Contains("$.tasks: expected an array of tasks, not an object",
            Fails("""{ "format": "swelancer-task-manifest", "version": 1, "tasks": {} }""").Message);
        Assert.Contains("$.tasks: missing; expected an array of tasks",
            Fails("""{ "format": "swelancer-task-manifest", "version": 1 }""").Message);
    }

    [Fact]
    public void Duplicate_question_ids_are_reported_with_both_positions()
    {
        var ex = Fails(WithTasks(
            """    { "question_id": "a", "variant": "ic_swe", "price": 1 }""",
            """    { "question_id": "b", "variant": "ic_swe", "price": 1 }""",
            """    { "question_id": "a", "variant": "ic_swe", "price": 1 }"""));
        Assert.EndsWith(":line 7, $.tasks[2].question_id: duplicate question_id 'a' (first used by $.tasks[0])", ex.Message);
        Assert.Equal(7, ex.Line);
    }

    [Fact]
    public void Unknown_variant_negative_price_and_bad_types_are_all_reported()
    {
        var ex = Fails(WithTasks(
            """    { "question_id": "a", "variant": "ic", "price": 1 }""",
            """    { "question_id": "b", "variant": "ic_swe", "price": -1 }""",
            """    { "question_id": 3, "variant": "ic_swe", "price": "10" }"""));
        Assert.Equal(4, ex.Problems.Count);
        Assert.Contains(":line 5, $.tasks[0].variant: unknown variant 'ic', expected ic_swe or swe_manager", ex.Message);
        Assert.Contains(":line 6, $.tasks[1].price: must be >= 0, not -1", ex.Message);
        Assert.Contains(":line 7, $.tasks[2].question_id: must be a string, not a number", ex.Message);
        Assert.Contains(":line 7, $.tasks[2].price: must be a number, not \"10\"", ex.Message);
    }

    [Fact]
    public void Missing_required_task_fields_point_at_the_task()
    {
        var ex = Fails(WithTasks("""    { "variant": "ic_swe" }"""));
        Assert.Contains(":line 5, $.tasks[0].question_id: missing", ex.Message);
        Assert.Contains(":line 5, $.tasks[0].price: missing; every task needs a price in dollars", ex.Message);
    }

    [Fact]
    public void Manager_tasks_need_a_correct_proposal_among_the_proposals()
    {
        var missing = Fails(WithTasks("""    { "question_id": "m", "variant": "swe_manager", "price": 1, "manager": { "proposals": [] } }"""));
        Assert.Contains("$.tasks[0].manager.correct_proposal_id: missing; a manager task needs the id of the correct proposal", missing.Message);

        var notAmong = Fails(WithTasks("""    { "question_id": "m", "variant": "swe_manager", "price": 1, "manager": { "correct_proposal_id": 3, "proposals": [ { "id": 1 }, { "id": "2" } ] } }"""));
        Assert.Contains(":line 5, $.tasks[0].manager.correct_proposal_id: correct proposal id '3' is not among the proposals (1, 2)", notAmong.Message);

        var noBlock = Fails(WithTasks("""    { "question_id": "m", "variant": "swe_manager", "price": 1 }"""));
        Assert.Contains("$.tasks[0].manager: missing; a swe_manager task needs", noBlock.Message);
    }

    [Theory]
    [InlineData("""{ "correct_proposal_id": 1.5 }""", "$.tasks[0].manager.correct_proposal_id: must be a string or an integer, not 1.5")]
    [InlineData("""{ "correct_proposal_id": true }""", "$.tasks[0].manager.correct_proposal_id: must be a string or an integer, not a boolean")]
    [InlineData("""{ "correct_proposal_id": "" }""", "$.tasks[0].manager.correct_proposal_id: must not be empty")]
    [InlineData("""{ "correct_proposal_id": "1", "proposals": [ { "id": "1" }, { "id": 1 } ] }""", "$.tasks[0].manager.proposals[1].id: duplicate proposal id '1'")]
    [InlineData("""{ "correct_proposal_id": "1", "proposals": [ { "summary": "x" } ] }""", "$.tasks[0].manager.proposals[0].id: missing; every proposal needs an id")]
    [InlineData("""{ "correct_proposal_id": "1", "proposals": [ "1" ] }""", "$.tasks[0].manager.proposals[0]: a proposal must be an object")]
    [InlineData("""{ "correct_proposal_id": "1", "proposals": {} }""", "$.tasks[0].manager.proposals: must be an array, not an object")]
    [InlineData("""{ "correct_proposal_id": "1", "correct": "2" }""", "$.tasks[0].manager.correct: unknown property 'correct'")]
    public void Bad_manager_blocks_are_reported(string manager, string expected)
    {
        var ex = Fails(WithTasks($$"""    { "question_id": "m", "variant": "swe_manager", "price": 1, "manager": {{manager}} }"""));
        Assert.Contains(expected, ex.Message);
        Assert.Equal(5, ex.Line);
    }

    [Fact]
    public void A_known_name_counts_only_when_it_is_spelled_exactly_though_it_may_be_escaped()
    {
        // Property names are compared as UTF-8 bytes: a look-alike of a known name must not pass for it.
        var ex = Fails(WithTasks(
            """    { "question_id": "a", "variant": "ic_swe", "price": 1, "Price": 2 }""",
            """    { "question_id": "b", "variant": "ic_swe", "price": 1, "price ": 2, "pric\u00e9": 3 }"""));
        Assert.Contains("$.tasks[0].Price: unknown property 'Price' (expected one of: question_id, variant, price, title, description, manager, ic)", ex.Message);
        Assert.Contains("$.tasks[1].price : unknown property 'price '", ex.Message);
        Assert.Contains("$.tasks[1].pricé: unknown property 'pricé'", ex.Message);

        // An escape that spells a known name is that name, as for any JSON reader.
        Assert.Equal(7m, Assert.Single(Read(WithTasks("""    { "question_id": "c", "variant": "ic_swe", "pri\u0063e": 7 }""")).Tasks).PriceUsd);
    }

    [Fact]
    public void Mismatched_variant_blocks_and_unknown_task_properties_are_reported()
    {
        var ex = Fails(WithTasks(
            """    { "question_id": "i", "variant": "ic_swe", "price": 1, "manager": { "correct_proposal_id": 1 } }""",
            """    { "question_id": "m", "variant": "swe_manager", "price": 1, "ic": {}, "manager": { "correct_proposal_id": 1 } }""",
            """    { "question_id": "x", "variant": "ic_swe", "prise": 1, "price": 1 }"""));
        Assert.Contains("$.tasks[0].manager: an ic_swe task cannot have a \"manager\" block", ex.Message);
        Assert.Contains("$.tasks[1].ic: a swe_manager task cannot have an \"ic\" block", ex.Message);
        Assert.Contains(":line 7, $.tasks[2].prise: unknown property 'prise'", ex.Message);
    }

    [Fact]
    public void Bad_ic_blocks_are_reported()
    {
        var ex = Fails(WithTasks(
            """    { "question_id": "a", "variant": "ic_swe", "price": 1, "ic": { "acceptable_folders": "src" } }""",
            """    { "question_id": "b", "variant": "ic_swe", "price": 1, "ic": { "acceptable_folders": ["src", 1], "cwd": 5 } }""",
            """    { "question_id": "c", "variant": "ic_swe", "price": 1, "ic": [] }"""));
        Assert.Contains("$.tasks[0].ic.acceptable_folders: must be an array of strings, not a string", ex.Message);
        Assert.Contains("$.tasks[1].ic.acceptable_folders[1]: must be a string, not a number", ex.Message);
        Assert.Contains("$.tasks[1].ic.cwd: must be a string, not a number", ex.Message);
        Assert.Contains("$.tasks[2].ic: must be an object, not an array", ex.Message);
    }

    [Fact]
    public void Problems_on_multi_line_tasks_name_the_line_of_the_offending_value()
    {
        var json = WithTasks("""
                {
                  "question_id": "m",
                  "variant": "swe_manager",
                  "price": 1,
                  "manager": {
                    "correct_proposal_id": "1",
                    "proposals": [
                      { "id": "1" },
                      { "id": 1.25 }
                    ]
                  }
                }
            """);
        var ex = Fails(json);
        Assert.EndsWith(":line 13, $.tasks[0].manager.proposals[1].id: must be a string or an integer, not 1.25", ex.Message);
    }

    [Fact]
    public void Missing_file_is_an_input_error()
    {
        var path = Path.Combine(Path.GetTempPath(), "missing-" + Guid.NewGuid().ToString("N") + ".json");
        var ex = Assert.Throws<InputFormatException>(() => TaskManifestReader.Read(path));
        Assert.Equal($"{path}: file not found", ex.Message);
    }

    [Fact]
    public void Reads_a_browser_ic_block_with_its_patches_loaded_inline()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(Path.Combine(dir.Path, "tasks", "t1"));
        dir.Write("tasks/t1/bug.diff", "--- a/srv/app/x.js\n+++ b/srv/app/x.js\n");
        dir.Write("tasks/t1/gold.diff", "gold");
        var path = dir.Write("pool.json", WithTasks("""
                { "question_id": "t1", "variant": "ic_swe", "price": 10, "ic": {
                  "acceptable_folders": ["srv/app"], "cwd": "/srv/app", "image": "sample:1",
                  "bug_patch": "tasks/t1/bug.diff", "gold_patch": "tasks/t1/gold.diff",
                  "runner": "browser", "serve_port": 8080, "timeout_seconds": 30,
                  "browser_tests": [ { "name": "n", "steps": [
                    { "action": "navigate", "url": "/#/r" }, { "action": "click", "selector": "#a" },
                    { "action": "fill", "selector": "#s", "value": "uber" }, { "action": "press", "selector": "#s", "key": "Enter" },
                    { "action": "select", "selector": "#c", "value": "EUR" }, { "action": "expect_text", "selector": "h1", "text": "Hi" },
                    { "action": "expect_visible", "selector": "#v" }, { "action": "expect_hidden", "selector": "#h" },
                    { "action": "expect_count", "selector": ".row", "count": 3 }, { "action": "expect_url", "pattern": "#/r/3" },
                    { "action": "evaluate", "expression": "1 === 1" } ] } ] } }
            """));

        var ic = TaskManifestReader.Read(path).Single().Ic!;

        Assert.Equal("sample:1", ic.Image);
        Assert.Equal("--- a/srv/app/x.js\n+++ b/srv/app/x.js\n", ic.BugPatch);
        Assert.Equal("gold", ic.GoldPatch);
        Assert.Equal(IcRunnerKinds.Browser, ic.Runner);
        Assert.Equal(8080, ic.ServePort);
        Assert.Equal(30, ic.TimeoutSeconds);
        var steps = ic.BrowserTests!.Single().Steps;
        Assert.Equal(BrowserActions.RequiredFields.Keys.Order(), steps.Select(s => s.Action).Order());
        Assert.Equal(new BrowserStep("expect_count", Selector: ".row", Count: 3), steps[8]);
        Assert.Equal(new BrowserStep("press", Selector: "#s", Key: "Enter"), steps[3]);
        Assert.Equal(new BrowserStep("expect_url", Pattern: "#/r/3"), steps[9]);
    }

    [Fact]
    public void Reads_a_command_ic_block_with_its_hidden_tests()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(Path.Combine(dir.Path, "t", "tests", "sub"));
        var script = dir.Write("t/tests/test.sh", "#!/bin/sh\necho ok\n");
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        dir.Write("t/tests/sub/data.txt", "d");
        var path = dir.Write("pool.json", WithTasks("""
                { "question_id": "c1", "variant": "ic_swe", "price": 10, "ic": {
                  "runner": "command", "test_command": ["sh", "/hidden-tests/test.sh"], "hidden_tests": "t/tests" } }
            """));

        var ic = TaskManifestReader.Read(path).Single().Ic!;

        Assert.Equal(["sh", "/hidden-tests/test.sh"], ic.TestCommand);
        Assert.Equal(IcTaskSpec.DefaultTimeoutSeconds, ic.TimeoutSeconds);
        Assert.Equal(["sub/data.txt", "test.sh"], ic.HiddenTests!.Select(f => f.RelativePath));
        Assert.Equal("#!/bin/sh\necho ok\n", System.Text.Encoding.UTF8.GetString(ic.HiddenTests![1].Content));
        Assert.True(ic.HiddenTests[1].Executable);
        Assert.False(ic.HiddenTests[0].Executable);
    }

    [Fact]
    public void Bad_browser_steps_and_runner_settings_are_reported()
    {
        var ex = Fails(WithTasks(
            """    { "question_id": "a", "variant": "ic_swe", "price": 1, "ic": { "runner": "browser", "serve_port": 8080, "browser_tests": [ { "name": "n", "steps": [ { "action": "hover", "selector": "#x" } ] } ] } }""",
            """    { "question_id": "b", "variant": "ic_swe", "price": 1, "ic": { "runner": "browser", "serve_port": 8080, "browser_tests": [ { "name": "n", "steps": [ { "action": "click" }, { "action": "expect_count", "selector": ".r", "count": "3" } ] } ] } }""",
            """    { "question_id": "c", "variant": "ic_swe", "price": 1, "ic": { "runner": "browser", "browser_tests": [] } }""",
            """    { "question_id": "d", "variant": "ic_swe", "price": 1, "ic": { "runner": "shell", "timeout_seconds": 0 } }""",
            """    { "question_id": "e", "variant": "ic_swe", "price": 1, "ic": { "runner": "command" } }"""));
        Assert.Contains(":line 5, $.tasks[0].ic.browser_tests[0].steps[0].action: unknown action 'hover', expected one of: navigate, click", ex.Message);
        Assert.Contains(":line 6, $.tasks[1].ic.browser_tests[0].steps[0].selector: missing; action 'click' needs \"selector\"", ex.Message);
        Assert.Contains("$.tasks[1].ic.browser_tests[0].steps[1].count: must be an integer from 0 to", ex.Message);
        Assert.Contains("$.tasks[2].ic.serve_port: missing; the browser runner needs the app's port inside the container", ex.Message);
        Assert.Contains("$.tasks[2].ic.browser_tests: must hold at least one browser test", ex.Message);
        Assert.Contains("$.tasks[3].ic.runner: unknown runner 'shell', expected browser or command", ex.Message);
        Assert.Contains("$.tasks[3].ic.timeout_seconds: must be an integer from 1 to 3600, not 0", ex.Message);
        Assert.Contains("$.tasks[4].ic.test_command: missing; the command runner needs the command", ex.Message);
    }

    [Fact]
    public void Unreadable_patch_files_and_missing_test_folders_are_named()
    {
        using var dir = new TempDir();
        var path = dir.Write("pool.json", WithTasks(
            """    { "question_id": "a", "variant": "ic_swe", "price": 1, "ic": { "bug_patch": "tasks/a/bug.diff", "hidden_tests": "tasks/a/tests" } }"""));
        var ex = Assert.Throws<InputFormatException>(() => TaskManifestReader.Read(path));
        Assert.Contains($"$.tasks[0].ic.bug_patch: cannot read {Path.Combine(dir.Path, "tasks", "a", "bug.diff")}: ", ex.Message);
        Assert.Contains($"$.tasks[0].ic.hidden_tests: folder {Path.Combine(dir.Path, "tasks", "a", "tests")} does not exist", ex.Message);
    }
}
