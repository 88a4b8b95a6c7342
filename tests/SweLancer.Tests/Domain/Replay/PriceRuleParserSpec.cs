using SweLancer.Domain.Import;
using SweLancer.Domain.Replay;
using SweLancer.Tests.Shared;
using Xunit;

namespace SweLancer.Tests.Domain.Replay;

public sealed class PriceRuleParserSpec : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("price-rules").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("cap:500", 500)]
    [InlineData("cap:$1,250.50", 1250.50)]
    [InlineData("CAP: 0", 0)]
    public void Caps_read_dollars(string text, double usd) =>
        Assert.Equal((decimal)usd, Assert.IsType<PriceCap>(PriceRuleParser.Parse(text)).MaxUsd);

    [Fact]
    public void Id_lists_come_inline_or_from_a_text_file_with_comments()
    {
        Assert.Equal(["a", "b"], Assert.IsType<TaskExclusion>(PriceRuleParser.Parse("exclude: a, b ,")).QuestionIds.Order());
        var file = Path.Combine(_dir, "flaky.txt");
        File.WriteAllText(file, "# tasks whose tests flip\n15193-manager-0\n\n18641_837  # the avatar one\n");
        var selection = Assert.IsType<TaskSelection>(PriceRuleParser.Parse($"only:{file}"));
        Assert.Equal(["15193-manager-0", "18641_837"], selection.QuestionIds.Order());
        Assert.Contains("flaky.txt", selection.Describe());
    }

    [Fact]
    public void A_task_pool_file_names_its_tasks_as_a_split()
    {
        var manifest = Path.Combine(SharedDataset.RepoRoot, "samples", "demo", "tasks.json");
        var expected = TaskPoolReader.Read(manifest).Select(t => t.QuestionId).Order();
        Assert.Equal(expected, Assert.IsType<TaskSelection>(PriceRuleParser.Parse($"only:{manifest}")).QuestionIds.Order());
    }

    [Theory]
    [InlineData("cap", "expected KIND:VALUE")]
    [InlineData("cap:", "expected KIND:VALUE")]
    [InlineData("cap:lots", "the cap must be a dollar amount of at least 0 (e.g. cap:500), not 'lots'")]
    [InlineData("cap:-5", "not '-5'")]
    [InlineData("discount:10", "unknown rule kind 'discount'")]
    [InlineData("variant:ic", "unknown variant 'ic'; expected ic_swe or swe_manager")]
    [InlineData("exclude:missing/list.txt", "file not found: missing/list.txt")]
    [InlineData("only:split.csv", "file not found: split.csv")]
    [InlineData("exclude: , ,", "lists no question ids")]
    public void Bad_rules_say_which_rule_and_what_is_wrong(string text, string expected)
    {
        var message = Assert.Throws<PriceRuleException>(() => PriceRuleParser.Parse(text)).Message;
        Assert.StartsWith($"--price-rule '{text}': ", message);
        Assert.Contains(expected, message);
    }

    [Fact]
    public void An_empty_id_file_is_refused()
    {
        var file = Path.Combine(_dir, "none.txt");
        File.WriteAllText(file, "# nothing yet\n");
        Assert.Contains("lists no question ids", Assert.Throws<PriceRuleException>(() => PriceRuleParser.Parse($"exclude:{file}")).Message);
    }
}
