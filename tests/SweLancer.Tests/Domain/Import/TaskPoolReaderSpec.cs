using SweLancer.Domain.Import;
using SweLancer.Messages.Tasks;
using SweLancer.Tests.Shared;
using Xunit;

namespace SweLancer.Tests.Domain.Import;

public class TaskPoolReaderSpec
{
    private const string Manifest = """
        { "format": "swelancer-task-manifest", "version": 1,
          "tasks": [ { "question_id": "j1", "variant": "ic_swe", "price": 7 } ] }
        """;

    [Fact]
    public void Reads_csv_files_as_swelancer_task_tables()
    {
        using var dir = new TempDir();
        var task = Assert.Single(TaskPoolReader.Read(dir.Write("pool.csv", "question_id,variant,price\nc1,ic_swe,5\n")));
        Assert.Equal("c1", task.QuestionId);
        Assert.Equal(5m, task.PriceUsd);
    }

    [Fact]
    public void Reads_json_files_as_task_manifests_whatever_the_extension_case()
    {
        using var dir = new TempDir();
        var task = Assert.Single(TaskPoolReader.Read(dir.Write("pool.JSON", Manifest)));
        Assert.Equal("j1", task.QuestionId);
        Assert.Equal(TaskVariants.IcSwe, task.Variant);
    }

    [Theory]
    [InlineData("pool.csv", "question_id,variant,price\n")]
    [InlineData("pool.json", "{ \"format\": \"swelancer-task-manifest\", \"version\": 1, \"tasks\": [] }")]
    public void A_pool_without_tasks_is_refused_naming_the_file(string name, string content)
    {
        using var dir = new TempDir();
        var path = dir.Write(name, content);
        var ex = Assert.Throws<InputFormatException>(() => TaskPoolReader.Read(path));
        Assert.Equal($"{path}: holds no tasks, so a sweep would have nothing to grade; a task pool needs at least one task", ex.Message);
    }

    [Fact]
    public void Rejects_other_extensions_naming_the_supported_ones()
    {
        using var dir = new TempDir();
        var path = dir.Write("pool.yaml", "tasks: []");
        var ex = Assert.Throws<InputFormatException>(() => TaskPoolReader.Read(path));
        Assert.Equal($"{path}: unsupported task pool file type '.yaml'; expected .csv (a SWE-Lancer task table) or .json (a task manifest, see docs/task-manifest.md)", ex.Message);
        var none = Assert.Throws<InputFormatException>(() => TaskPoolReader.Read(dir.Write("pool", "x")));
        Assert.Contains("unsupported task pool file type '(none)'", none.Message);
    }

    [Fact]
    public void Reports_missing_files_and_directories()
    {
        using var dir = new TempDir();
        var missing = Path.Combine(dir.Path, "nope.csv");
        var ex = Assert.Throws<InputFormatException>(() => TaskPoolReader.Read(missing));
        Assert.Equal($"{missing}: file not found", ex.Message);
        var directory = Assert.Throws<InputFormatException>(() => TaskPoolReader.Read(dir.Path));
        Assert.Contains("is a directory", directory.Message);
    }

    [Fact]
    public void Passes_format_errors_through_unchanged()
    {
        using var dir = new TempDir();
        var path = dir.Write("pool.json", "{ \"format\": \"swelancer-task-manifest\", \"version\": 9, \"tasks\": [] }");
        var ex = Assert.Throws<InputFormatException>(() => TaskPoolReader.Read(path));
        Assert.Contains("$.version: unsupported version 9", ex.Message);
    }

    [Fact]
    public void Reads_the_real_Lite_table()
    {
        var tasks = TaskPoolReader.Read(SharedDataset.RequireLiteCsv());
        Assert.Equal(174, tasks.Count);
        Assert.Equal(377_000m, tasks.Sum(t => t.PriceUsd));
    }
}
