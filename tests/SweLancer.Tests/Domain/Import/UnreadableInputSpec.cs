using SweLancer.Domain.Import;
using SweLancer.Tests.Shared;
using Xunit;

namespace SweLancer.Tests.Domain.Import;

/// <summary>
/// Inputs that used to crash the readers (exit 1 without a file or line) or were silently altered: invalid UTF-8,
/// lone surrogate escapes, prices whose sum overflows <see cref="decimal"/>, manager tasks nobody can win.
/// Each is now an <see cref="InputFormatException"/> naming the file and the place.
/// </summary>
public class UnreadableInputSpec
{
    private static readonly byte[] Bad = [0xFF];

    private static byte[] Bytes(string text) => System.Text.Encoding.UTF8.GetBytes(text);

    private static InputFormatException Fails(string name, byte[] content, Func<string, object> read)
    {
        using var dir = new TempDir();
        var path = dir.File(name);
        File.WriteAllBytes(path, content);
        var ex = Assert.Throws<InputFormatException>(() => read(path));
        Assert.Equal(path, ex.Path);
        Assert.StartsWith(path + ":", ex.Message);
        return ex;
    }

    private const string Manifest = "{\n  \"format\": \"swelancer-task-manifest\",\n  \"version\": 1,\n  \"tasks\": [\n";

    private static string ManagerTask(string id, string price = "10", string title = "t") =>
        $"    {{ \"question_id\": \"{id}\", \"variant\": \"swe_manager\", \"price\": {price}, \"title\": \"{title}\", \"manager\": {{ \"correct_proposal_id\": \"1\" }} }}";

    // --- invalid UTF-8 -------------------------------------------------------------------------------

    [Fact]
    public void Invalid_utf8_in_a_csv_is_refused_with_line_and_byte_not_replaced()
    {
        var content = Bytes("question_id,variant,price,title\nm1,ic_swe,5,fine\nm2,ic_swe,5,caf").Concat(Bad).Concat(Bytes("\n")).ToArray();
        var ex = Fails("tasks.csv", content, p => SweLancerCsvReader.Read(p));
        Assert.Equal(3, ex.Line);
        Assert.Contains(":line 3: invalid UTF-8 at byte 16 of the line (byte 65 of the file): 0xFF", ex.Message);
    }

    [Fact]
    public void Invalid_utf8_in_jsonl_is_refused_with_line_and_byte()
    {
        var content = Bytes("{\"question_id\": \"a\"}\n{\"question_id\": \"b\", \"model_name_or_path\": \"m").Concat(Bad).Concat(Bytes("\"}\n")).ToArray();
        var ex = Fails("subs.jsonl", content, p => SubmissionReader.Read(p));
        Assert.Equal(2, ex.Line);
        Assert.Contains(":line 2: invalid UTF-8 at byte 46 of the line (byte 67 of the file): 0xFF", ex.Message);
    }

    [Fact]
    public void A_latin1_manifest_is_refused_with_line_and_byte()
    {
        var content = System.Text.Encoding.Latin1.GetBytes(Manifest + ManagerTask("m1", title: "café") + "\n  ]\n}\n");
        var ex = Fails("pool.json", content, p => TaskManifestReader.Read(p));
        Assert.Equal(5, ex.Line);
        Assert.Contains(":line 5: invalid UTF-8 at byte 80 of the line", ex.Message);
        Assert.Contains("0xE9", ex.Message);
    }

    [Theory]
    [InlineData(new byte[] { 0xC3 }, "0xC3")]             // truncated at the end of the file
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 }, "0xED")] // an encoded surrogate (CESU-8)
    [InlineData(new byte[] { 0xC0, 0xAF }, "0xC0")]       // an overlong '/'
    [InlineData(new byte[] { 0xF4, 0x90, 0x80, 0x80 }, "0xF4")] // above U+10FFFF
    [InlineData(new byte[] { 0x80 }, "0x80")]             // a lone continuation byte
    public void Every_kind_of_malformed_sequence_is_refused(byte[] bad, string named)
    {
        var ex = Fails("subs.jsonl", Bytes("{\"question_id\": \"x").Concat(bad).ToArray(), p => SubmissionReader.Read(p));
        Assert.Contains($"invalid UTF-8 at byte 19 of the line (byte 19 of the file): {named}", ex.Message);
    }

    [Fact]
    public void A_utf16_file_is_named_as_such()
    {
        var content = new byte[] { 0xFF, 0xFE }.Concat(System.Text.Encoding.Unicode.GetBytes("question_id,variant,price\n")).ToArray();
        var ex = Fails("tasks.csv", content, p => SweLancerCsvReader.Read(p));
        Assert.Contains("UTF-16", ex.Message);
    }

    [Fact]
    public void A_utf8_byte_order_mark_and_multibyte_characters_are_still_fine()
    {
        using var dir = new TempDir();
        var path = dir.File("subs.jsonl");
        File.WriteAllBytes(path, [0xEF, 0xBB, 0xBF, .. Bytes("{\"question_id\": \"é-€-𝄞\"}\n")]);
        Assert.Equal("é-€-𝄞", Assert.Single(SubmissionReader.Read(path).Submissions).QuestionId);
    }

    // --- lone surrogates -----------------------------------------------------------------------------

    [Fact]
    public void A_lone_surrogate_escape_in_jsonl_names_the_line_and_byte()
    {
        var ex = Fails("subs.jsonl", Bytes("{\"question_id\": \"a\"}\n{\"question_id\": \"b\", \"selected_proposal_id\": \"\\ud800\"}\n"),
            p => SubmissionReader.Read(p));
        Assert.Equal(2, ex.Line);
        Assert.Contains(":2: invalid JSON at byte 46: the string escape holds a lone UTF-16 surrogate (\\ud800 without its pair)", ex.Message);
    }

    [Fact]
    public void A_lone_surrogate_escape_in_a_manifest_names_the_line()
    {
        var ex = Fails("pool.json", Bytes(Manifest + ManagerTask("m1", title: "\\udfff x") + "\n  ]\n}\n"), p => TaskManifestReader.Read(p));
        Assert.Equal(5, ex.Line);
        Assert.Contains("lone UTF-16 surrogate", ex.Message);
    }

    [Fact]
    public void A_lone_surrogate_in_a_property_name_is_refused_too()
    {
        var ex = Fails("pool.json", Bytes("{\n \"\\ud83d\": 1\n}\n"), p => TaskManifestReader.Read(p));
        Assert.Equal(2, ex.Line);
        Assert.Contains("lone UTF-16 surrogate", ex.Message);
    }

    [Fact]
    public void A_proper_surrogate_pair_escape_is_read()
    {
        using var dir = new TempDir();
        var path = dir.Write("subs.jsonl", "{\"question_id\": \"\\ud834\\udd1e\"}\n");
        Assert.Equal("𝄞", Assert.Single(SubmissionReader.Read(path).Submissions).QuestionId);
    }

    // --- prices --------------------------------------------------------------------------------------

    [Fact]
    public void Json_prices_whose_sum_would_overflow_decimal_are_refused_per_task()
    {
        var max = "79228162514264337593543950335";
        var ex = Fails("pool.json", Bytes(Manifest + ManagerTask("m1", max) + ",\n" + ManagerTask("m2", max) + "\n  ]\n}\n"), p => TaskManifestReader.Read(p));
        Assert.Contains($":line 5, $.tasks[0].price: must be at most {TaskPrices.MaxUsd}, not {max}", ex.Message);
        Assert.Contains(":line 6, $.tasks[1].price:", ex.Message);
    }

    [Fact]
    public void A_json_price_beyond_decimal_is_called_too_large_not_a_non_number()
    {
        var ex = Fails("pool.json", Bytes(Manifest + ManagerTask("m1", "1e400") + "\n  ]\n}\n"), p => TaskManifestReader.Read(p));
        Assert.Contains($"$.tasks[0].price: must be at most {TaskPrices.MaxUsd}, not 1e400", ex.Message);
    }

    [Theory]
    [InlineData("79228162514264337593543950335")]
    [InlineData("1e30")]
    public void Csv_prices_above_the_limit_are_refused_with_their_row(string price)
    {
        var ex = Fails("tasks.csv", Bytes($"question_id,variant,price\na,ic_swe,{price}\nb,ic_swe,{price}\n"), p => SweLancerCsvReader.Read(p));
        Assert.Contains($"row 1 (line 2, question_id a), column price: price {price} is above the limit of {TaskPrices.MaxUsd} dollars per task", ex.Message);
        Assert.Contains("row 2 (line 3, question_id b), column price:", ex.Message);
    }

    [Fact]
    public void Prices_at_the_limit_sum_without_overflow()
    {
        using var dir = new TempDir();
        var rows = string.Concat(Enumerable.Range(0, 1000).Select(i => $"t{i},ic_swe,{TaskPrices.MaxUsd}\n"));
        var tasks = TaskPoolReader.Read(dir.Write("tasks.csv", "question_id,variant,price\n" + rows));
        Assert.Equal(TaskPrices.MaxUsd * 1000, tasks.Sum(t => t.PriceUsd));
    }

    // --- manager tasks nobody can win ----------------------------------------------------------------

    [Theory]
    [InlineData("{'game': {'correct_proposal': {'id': 2}, 'all_formal_proposals': []}}", "", "(none given)")]
    [InlineData("{'game': {'correct_proposal': {'id': 2}}}", "\"[]\"", "(none given)")]
    [InlineData("{'game': {'correct_proposal': {'id': 2}}}", "\"[{'id': 1}, {'id': 3}]\"", "(1, 3)")]
    public void A_csv_manager_task_whose_correct_proposal_is_not_among_its_proposals_is_refused(string managerData, string proposals, string listed)
    {
        var ex = Fails("tasks.csv", Bytes($"question_id,variant,price,manager_data,proposals\nm1,swe_manager,500,\"{managerData}\",{proposals}\n"),
            p => SweLancerCsvReader.Read(p));
        Assert.Contains($"correct proposal id '2' is not among the proposals {listed}", ex.Message);
    }

    [Fact]
    public void A_json_manager_task_with_an_empty_proposal_list_is_refused_the_same_way()
    {
        var task = "    { \"question_id\": \"m1\", \"variant\": \"swe_manager\", \"price\": 5, \"manager\": { \"correct_proposal_id\": \"2\", \"proposals\": [] } }";
        var ex = Fails("pool.json", Bytes(Manifest + task + "\n  ]\n}\n"), p => TaskManifestReader.Read(p));
        Assert.Contains("correct proposal id '2' is not among the proposals (none given)", ex.Message);
    }

    [Fact]
    public void A_csv_manager_task_whose_formal_proposals_are_not_a_list_is_refused()
    {
        var ex = Fails("tasks.csv", Bytes("question_id,variant,price,manager_data\nm1,swe_manager,500,\"{'game': {'correct_proposal': {'id': 2}, 'all_formal_proposals': {'id': 2}}}\"\n"),
            p => SweLancerCsvReader.Read(p));
        Assert.Contains("['game']['all_formal_proposals'] must be a list", ex.Message);
    }

    [Fact]
    public void A_csv_proposal_id_with_a_lone_surrogate_escape_is_refused()
    {
        // Found by the input fuzz spec: Python literals may write lone surrogates, the JSON readers refuse them.
        var ex = Fails("tasks.csv", Bytes("question_id,variant,price,manager_data\nm1,swe_manager,500,\"{'game': {'correct_proposal': {'id': '\\ud800'}}}\"\n"),
            p => SweLancerCsvReader.Read(p));
        Assert.Contains("column manager_data: proposal id holds a lone UTF-16 surrogate (\\ud800)", ex.Message);
    }
}
