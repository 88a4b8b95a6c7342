using SweLancer.Domain.Import;
using SweLancer.Messages.Tasks;
using SweLancer.Tests.Shared;
using Xunit;

namespace SweLancer.Tests.Domain.Import;

public class SweLancerCsvReaderSpec
{
    private const string LiteHeader = "question_id,variant,price,price_limit,prompt,manager_data,manager_commit,acceptable_folders,cwd";

    private const string ManagerData =
        "{'all_proposals': [], 'game': {'correct_proposal_scraped_beforehand': False, " +
        "'all_formal_proposals': [{'id': 0, 'content': \"it's #0\"}, {'id': 4, 'content': 'fix\\n'}], " +
        "'correct_proposal': {'id': 4, 'explanation': 'Proposal #4 was merged'}}, 'title': '[$4000] Bold code block'}";

    private const string IcPrompt =
        "[{'content': 'You have been tasked with fixing the following issue:\\n\\n[$1000] Avatars overlap\\n\\nDetails, more', 'role': 'user'}]";

    /// <summary>One CSV field, quoted as RFC 4180 requires.</summary>
    private static string Q(string field) => "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static string ManagerRow(string id = "15193-manager-0", string price = "4000.0", string managerData = ManagerData) =>
        $"{Q(id)},swe_manager,{price},2000000,{Q("[{'content': 'manager prompt', 'role': 'user'}]")},{Q(managerData)},abc123,[],/app/expensify";

    private static string IcRow(string id = "18641_837", string price = "1000.0", string folders = "['18641_837', 'src']", string cwd = "/app/expensify") =>
        $"{Q(id)},ic_swe,{price},2000000,{Q(IcPrompt)},,,{Q(folders)},{cwd}";

    private static IReadOnlyList<TaskDefinition> ReadLines(params string[] lines)
    {
        using var dir = new TempDir();
        var path = dir.Write("tasks.csv", string.Join("\r\n", lines) + "\r\n");
        return SweLancerCsvReader.Read(path);
    }

    private static InputFormatException Fails(params string[] lines)
    {
        using var dir = new TempDir();
        var path = dir.Write("tasks.csv", string.Join("\n", lines) + "\n");
        var ex = Assert.Throws<InputFormatException>(() => SweLancerCsvReader.Read(path));
        Assert.Equal(path, ex.Path);
        Assert.StartsWith(path + ":", ex.Message);
        return ex;
    }

    // --- happy paths -----------------------------------------------------------------------------

    [Fact]
    public void Reads_a_manager_task_from_manager_data()
    {
        var task = Assert.Single(ReadLines(LiteHeader, ManagerRow()));
        Assert.Equal("15193-manager-0", task.QuestionId);
        Assert.Equal(TaskVariants.SweManager, task.Variant);
        Assert.Equal(4000m, task.PriceUsd);
        Assert.NotNull(task.Manager);
        Assert.Equal("4", task.Manager.CorrectProposalId);
        Assert.Equal(["0", "4"], task.Manager.ProposalIds);
        Assert.Null(task.Ic);
        Assert.Equal("[$4000] Bold code block", task.Title);
    }

    [Fact]
    public void Reads_an_ic_task_with_folders_cwd_and_a_title_from_the_prompt()
    {
        var task = Assert.Single(ReadLines(LiteHeader, IcRow()));
        Assert.Equal(TaskVariants.IcSwe, task.Variant);
        Assert.Equal(1000m, task.PriceUsd);
        Assert.NotNull(task.Ic);
        Assert.Equal(["18641_837", "src"], task.Ic.AcceptableFolders);
        Assert.Equal("/app/expensify", task.Ic.Cwd);
        Assert.Null(task.Manager);
        Assert.Equal("[$1000] Avatars overlap", task.Title);
    }

    [Fact]
    public void Reads_multi_line_quoted_fields_and_keeps_row_order()
    {
        var multiLineData = ManagerData.Replace("'game':", "\n 'game':\n", StringComparison.Ordinal);
        var tasks = ReadLines(LiteHeader, IcRow("a"), ManagerRow("b", managerData: multiLineData), IcRow("c", cwd: ""));
        Assert.Equal(["a", "b", "c"], tasks.Select(t => t.QuestionId));
        Assert.Equal("4", tasks[1].Manager!.CorrectProposalId);
        Assert.Null(tasks[2].Ic!.Cwd);
    }

    [Fact]
    public void Parses_prices_invariantly_whatever_the_current_culture()
    {
        var saved = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.InvariantCulture;
            var tasks = ReadLines(LiteHeader, IcRow("a", price: "1000.0"), IcRow("b", price: "250.50"), IcRow("c", price: "1e3"));
            Assert.Equal([1000m, 250.50m, 1000m], tasks.Select(t => t.PriceUsd));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = saved;
        }
    }

    [Fact]
    public void Accepts_an_empty_acceptable_folders_cell_as_no_folders()
    {
        var task = Assert.Single(ReadLines("question_id,variant,price,acceptable_folders,cwd", "x,ic_swe,10,,"));
        Assert.Empty(task.Ic!.AcceptableFolders);
        Assert.Null(task.Ic.Cwd);
        Assert.Null(task.Title);
    }

    [Fact]
    public void Accepts_the_full_release_columns_title_and_proposals()
    {
        var noFormal = "{'game': {'correct_proposal': {'id': 2}, 'all_formal_proposals': []}}";
        var tasks = ReadLines(
            "question_id,variant,price,set,title,description,proposals,manager_data,acceptable_folders,cwd,canary",
            $"m1,swe_manager,500,diamond,Explicit title,desc,{Q("[{'id': 1}, {'id': 2}]")},{Q(noFormal)},[],/app,x",
            $"m2,swe_manager,500,diamond,,desc,{Q("[{'id': 9}]")},{Q(ManagerData)},[],/app,x",
            "i1,ic_swe,100,diamond,IC title,desc,,,['a'],/app,x");
        Assert.Equal("Explicit title", tasks[0].Title);
        Assert.Equal(["1", "2"], tasks[0].Manager!.ProposalIds); // fallback: manager_data has no formal proposals
        Assert.Equal(["0", "4"], tasks[1].Manager!.ProposalIds); // manager_data wins when it has them
        Assert.Equal("IC title", tasks[2].Title);
        Assert.Equal(IcRunnerKinds.SweLancer, tasks[2].Ic!.Runner); // graded by the official protocol, no manifest
    }

    [Fact]
    public void Ic_rows_of_the_lite_columns_use_the_official_protocol_runner()
    {
        var task = Assert.Single(ReadLines("question_id,variant,price,acceptable_folders,cwd", "16912_4,ic_swe,1000,['src'],/app/expensify"));
        Assert.Equal(IcRunnerKinds.SweLancer, task.Ic!.Runner);
        Assert.Equal("swelancer/swelancer_x86_16912_4:releasev1", task.Ic.Image);
    }

    [Fact]
    public void Matches_header_names_case_insensitively_and_ignores_unknown_columns()
    {
        var task = Assert.Single(ReadLines(" Question_ID ,VARIANT,Price,extra", "q,ic_swe,5,whatever"));
        Assert.Equal("q", task.QuestionId);
        Assert.Equal(5m, task.PriceUsd);
    }

    [Fact]
    public void Truncates_very_long_titles()
    {
        var title = new string('t', 500);
        var task = Assert.Single(ReadLines("question_id,variant,price,title", $"q,ic_swe,5,{title}"));
        Assert.Equal(200, task.Title!.Length);
        Assert.EndsWith("…", task.Title);
    }

    // --- errors ----------------------------------------------------------------------------------

    [Fact]
    public void Missing_file_is_an_input_error()
    {
        var path = Path.Combine(Path.GetTempPath(), "no-such-dir-" + Guid.NewGuid().ToString("N"), "tasks.csv");
        var ex = Assert.Throws<InputFormatException>(() => SweLancerCsvReader.Read(path));
        Assert.Equal($"{path}: file not found", ex.Message);
    }

    [Fact]
    public void Empty_file_is_an_input_error()
    {
        var ex = Fails("");
        Assert.Contains("is empty", ex.Message);
    }

    [Fact]
    public void Missing_required_columns_are_all_named()
    {
        var ex = Fails("question_id,prompt", "q,p");
        Assert.Equal(2, ex.Problems.Count);
        Assert.Contains("header (line 1), column variant: required column is missing from the header", ex.Message);
        Assert.Contains("header (line 1), column price: required column is missing from the header", ex.Message);
        Assert.Equal("variant", ex.Column);
        Assert.Equal(1, ex.Line);
    }

    [Fact]
    public void Empty_question_id_names_the_row_and_line()
    {
        var ex = Fails(LiteHeader, IcRow("a"), IcRow(""));
        Assert.EndsWith(":row 2 (line 3), column question_id: question_id is empty", ex.Message);
        Assert.Equal(2, ex.Line);
        Assert.Equal("question_id", ex.Column);
    }

    [Fact]
    public void Bad_price_names_row_question_id_and_column()
    {
        var ex = Fails(LiteHeader, IcRow("q1", price: "lots"));
        Assert.EndsWith(":row 1 (line 2, question_id q1), column price: price 'lots' is not a number", ex.Message);
    }

    [Theory]
    [InlineData("", "price is empty")]
    [InlineData("-5", "price -5 is negative")]
    [InlineData("1,000", "has 10 fields but the header has 9")] // an unquoted comma splits the field
    public void Other_bad_prices_are_reported(string price, string detail)
    {
        var ex = Fails(LiteHeader, IcRow("q1", price: price));
        Assert.Contains(detail, ex.Message);
    }

    [Fact]
    public void Unknown_variant_is_reported()
    {
        var ex = Fails(LiteHeader, IcRow("q1").Replace("ic_swe", "ic_sweet", StringComparison.Ordinal));
        Assert.Contains("question_id q1), column variant: unknown variant 'ic_sweet', expected ic_swe or swe_manager", ex.Message);
    }

    [Fact]
    public void Unparseable_manager_data_reports_the_literal_error_with_offset()
    {
        var ex = Fails(LiteHeader, ManagerRow("15193-manager-0", managerData: "{'game' {}}"));
        Assert.EndsWith(
            "tasks.csv:row 1 (line 2, question_id 15193-manager-0), column manager_data: expected ':' after dict key, found '{' at offset 8 (line 1, column 9)",
            ex.Message);
    }

    [Fact]
    public void Manager_task_without_correct_proposal_is_reported()
    {
        var ex = Fails(LiteHeader, ManagerRow("m", managerData: "{'game': {'all_formal_proposals': [{'id': 1}]}}"));
        Assert.Contains("column manager_data: manager task without a correct proposal: ['game'] has no key 'correct_proposal'", ex.Message);
    }

    [Fact]
    public void Manager_task_with_empty_manager_data_is_reported()
    {
        var ex = Fails(LiteHeader, ManagerRow("m", managerData: ""));
        Assert.Contains("question_id m), column manager_data: is empty", ex.Message);
    }

    [Fact]
    public void Manager_task_in_a_table_without_manager_data_column_is_reported()
    {
        var ex = Fails("question_id,variant,price", "m,swe_manager,5");
        Assert.Contains("column manager_data: column is missing from the header but this row needs it", ex.Message);
    }

    [Fact]
    public void Correct_proposal_missing_from_the_candidates_is_reported()
    {
        var ex = Fails(LiteHeader, ManagerRow("m", managerData: "{'game': {'correct_proposal': {'id': 7}, 'all_formal_proposals': [{'id': 1}, {'id': 2}]}}"));
        Assert.Contains("correct proposal id '7' is not among the proposals (1, 2)", ex.Message);
    }

    [Fact]
    public void Acceptable_folders_that_are_not_a_list_of_strings_are_reported()
    {
        var notList = Fails(LiteHeader, IcRow("a", folders: "'src'"));
        Assert.Contains("column acceptable_folders: expected a list of strings, found a string", notList.Message);
        var badItem = Fails(LiteHeader, IcRow("a", folders: "['src', 3]"));
        Assert.Contains("column acceptable_folders: expected a list of strings, found an item that is an int", badItem.Message);
        var unparseable = Fails(LiteHeader, IcRow("a", folders: "['src'"));
        Assert.Contains("column acceptable_folders: expected ',' or ']' in list, found end of input", unparseable.Message);
    }

    [Fact]
    public void Duplicate_question_id_names_both_rows()
    {
        var ex = Fails(LiteHeader, IcRow("dup"), IcRow("other"), IcRow("dup"));
        Assert.Contains("row 3 (line 4, question_id dup), column question_id: duplicate question_id 'dup' (first used on row 1)", ex.Message);
    }

    [Fact]
    public void Reports_every_bad_row_not_just_the_first()
    {
        var ex = Fails(LiteHeader, IcRow("a", price: "x"), IcRow("b"), IcRow("c", price: "y"));
        Assert.Equal(2, ex.Problems.Count);
        Assert.Equal([1, 3], ex.Problems.Select(p => p.Line));
        Assert.Equal(2, ex.Message.Split('\n').Length);
    }

    [Fact]
    public void Line_numbers_account_for_multi_line_fields()
    {
        var multiLine = IcPrompt.Replace("issue:", "issue:\nline two\nline three", StringComparison.Ordinal);
        var ex = Fails(
            "question_id,variant,price,prompt",
            $"a,ic_swe,1,{Q(multiLine)}",
            "b,ic_swe,oops,p");
        Assert.Contains("row 2 (line 5, question_id b), column price", ex.Message);
    }

    [Fact]
    public void Malformed_quoting_is_an_input_error_not_a_crash()
    {
        var ex = Fails("question_id,variant,price", "\"a\"b,ic_swe,1");
        Assert.Contains("malformed CSV quoting", ex.Message);
        Assert.DoesNotContain("   at ", ex.Message);
    }

    // --- the real SWE-Lancer Lite table ----------------------------------------------------------

    [Fact]
    public void Loads_the_real_Lite_table_with_its_published_counts_and_sums()
    {
        var tasks = SweLancerCsvReader.Read(SharedDataset.RequireLiteCsv());
        Assert.Equal(174, tasks.Count);
        var ic = tasks.Where(t => t.Variant == TaskVariants.IcSwe).ToList();
        var manager = tasks.Where(t => t.Variant == TaskVariants.SweManager).ToList();
        Assert.Equal(61, ic.Count);
        Assert.Equal(175_000m, ic.Sum(t => t.PriceUsd));
        Assert.Equal(113, manager.Count);
        Assert.Equal(202_000m, manager.Sum(t => t.PriceUsd));
        Assert.Equal(174, tasks.Select(t => t.QuestionId).Distinct().Count());
    }

    [Fact]
    public void Every_real_manager_task_has_its_correct_proposal_among_the_candidates()
    {
        var tasks = SweLancerCsvReader.Read(SharedDataset.RequireLiteCsv());
        foreach (var task in tasks.Where(t => t.Variant == TaskVariants.SweManager))
        {
            Assert.NotNull(task.Manager);
            Assert.Null(task.Ic);
            Assert.NotEmpty(task.Manager.ProposalIds);
            Assert.Contains(task.Manager.CorrectProposalId, task.Manager.ProposalIds);
        }
        foreach (var task in tasks.Where(t => t.Variant == TaskVariants.IcSwe))
        {
            Assert.NotNull(task.Ic);
            Assert.Null(task.Manager);
            Assert.NotEmpty(task.Ic.AcceptableFolders);
            Assert.Equal("/app/expensify", task.Ic.Cwd);
        }
        Assert.All(tasks, t => Assert.False(string.IsNullOrWhiteSpace(t.Title)));
    }

    [Fact]
    public void Spot_checks_known_rows_of_the_real_table()
    {
        var tasks = SweLancerCsvReader.Read(SharedDataset.RequireLiteCsv()).ToDictionary(t => t.QuestionId);
        var manager = tasks["15193-manager-0"];
        Assert.Equal(4000m, manager.PriceUsd);
        Assert.Equal("4", manager.Manager!.CorrectProposalId);
        Assert.Equal(["0", "1", "2", "3", "4", "5"], manager.Manager.ProposalIds);
        Assert.StartsWith("[HOLD for payment 2023-04-20] [$4000] Using a header (#)", manager.Title);

        var ic = tasks["12155_1"];
        Assert.Equal(4000m, ic.PriceUsd);
        Assert.Equal(["12155", "12155_1"], ic.Ic!.AcceptableFolders);
        Assert.StartsWith("[HOLD for payment 2023-02-03] [$4000] Chat - The Paragraphs are not displayed", ic.Title);
    }
}
