using System.Text.Json;
using SweLancer.Messages.Tasks;

namespace SweLancer.Domain.Import;

/// <summary>
/// Reads the project's own JSON task manifest (format <c>swelancer-task-manifest</c>, version 1), used for task
/// pools that are not SWE-Lancer CSVs. The format is documented in docs/task-manifest.md.
/// </summary>
/// <remarks>
/// Comments and trailing commas are accepted. Unknown properties are errors at the top level, in tasks and in
/// <c>manager</c> (they are usually typos, and a silent typo would change grading), but are tolerated inside
/// <c>ic</c> and inside proposal entries, which later versions extend. Every problem found is reported at once.
/// </remarks>
public static partial class TaskManifestReader
{
    public const string FormatName = "swelancer-task-manifest";
    public const int SupportedVersion = 1;

    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    private static readonly HashSet<string> RootProperties = ["format", "version", "name", "tasks"];
    private static readonly HashSet<string> TaskProperties = ["question_id", "variant", "price", "title", "description", "manager", "ic"];
    private static readonly HashSet<string> ManagerProperties = ["correct_proposal_id", "proposals"];

    /// <summary>Reads the manifest at <paramref name="path"/>.</summary>
    /// <exception cref="InputFormatException">The file is missing, is not valid JSON, or breaks the format.</exception>
    public static IReadOnlyList<TaskDefinition> Read(string path) => ReadManifest(path).Tasks;

    /// <summary>Reads the manifest at <paramref name="path"/>, with its optional pool name.</summary>
    /// <exception cref="InputFormatException">The file is missing, is not valid JSON, or breaks the format.</exception>
    public static TaskManifest ReadManifest(string path) => Parse(ImportFiles.ReadBytes(path), path);

    /// <summary>Reads a manifest from UTF-8 bytes; <paramref name="displayPath"/> names it in errors.</summary>
    /// <exception cref="InputFormatException">Not valid JSON, or breaks the format.</exception>
    public static TaskManifest Parse(byte[] utf8, string displayPath)
    {
        var validator = new Utf8Validator();
        if (!validator.Feed(utf8) || !validator.Finish())
            throw new InputFormatException([validator.Error!.ToProblem(displayPath)]);
        // A UTF-8 BOM is legal in files but not for the JSON reader.
        if (utf8.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            utf8 = utf8[3..];

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8, DocumentOptions);
        }
        catch (JsonException ex)
        {
            var line = (int)(ex.LineNumber ?? 0) + 1;
            var column = (ex.BytePositionInLine ?? 0) + 1;
            throw new InputFormatException(
                [new InputProblem(displayPath, line, null, $"invalid JSON at byte {column} of the line: {JsonValues.SyntaxMessage(ex)}") { Where = $"line {line}" }],
                ex);
        }

        using (document)
        {
            var readerOptions = new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };
            if (JsonEscapes.FirstLoneSurrogate(utf8, readerOptions) is { } lone)
            {
                var lineStart = Array.LastIndexOf(utf8, (byte)'\n', (int)Math.Max(0, lone.Offset - 1)) + 1;
                var line = utf8.AsSpan(0, lineStart).Count((byte)'\n') + 1;
                throw new InputFormatException([new InputProblem(displayPath, line, null,
                    $"invalid JSON at byte {lone.Offset - lineStart + 1} of the line: {SubmissionReader.LoneSurrogateDetail(lone.Escape)}") { Where = $"line {line}" }]);
            }
            var lines = new JsonLineMap(utf8, readerOptions);
            var check = new Checker(displayPath, lines, ManifestFolder(displayPath));
            var manifest = ReadRoot(document.RootElement, check);
            if (check.Problems.Count > 0)
                throw new InputFormatException(check.Problems);
            return manifest!;
        }
    }

    private static TaskManifest? ReadRoot(JsonElement root, Checker check)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            check.Problem("$", $"the manifest must be a JSON object, not {JsonValues.KindOf(root)}");
            return null;
        }
        check.UnknownProperties(root, "$", RootProperties);

        if (!root.TryGetProperty("format", out var format))
            check.Problem("$.format", $"missing; expected \"format\": \"{FormatName}\"");
        else if (format.ValueKind != JsonValueKind.String || format.GetString() != FormatName)
        {
            check.Problem("$.format", $"expected \"{FormatName}\", found {format.GetRawText()}");
            return null; // some other kind of file: its contents would only produce noise
        }

        if (!root.TryGetProperty("version", out var version))
            check.Problem("$.version", $"missing; expected \"version\": {SupportedVersion}");
        else if (version.ValueKind != JsonValueKind.Number || !version.TryGetInt32(out var v) || v != SupportedVersion)
            check.Problem("$.version", $"unsupported version {version.GetRawText()}; this reader understands version {SupportedVersion}");

        var name = check.OptionalString(root, "name", "$.name");

        if (!root.TryGetProperty("tasks", out var tasksElement) || tasksElement.ValueKind != JsonValueKind.Array)
        {
            check.Problem("$.tasks", tasksElement.ValueKind == JsonValueKind.Undefined
                ? "missing; expected an array of tasks"
                : $"expected an array of tasks, not {JsonValues.KindOf(tasksElement)}");
            return null;
        }

        var tasks = new List<TaskDefinition>();
        var firstIndexOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var index = 0;
        foreach (var element in tasksElement.EnumerateArray())
        {
            var at = $"$.tasks[{index}]";
            var task = ReadTask(element, at, check);
            if (task is not null)
            {
                if (firstIndexOf.TryGetValue(task.QuestionId, out var first))
                    check.Problem($"{at}.question_id", $"duplicate question_id '{task.QuestionId}' (first used by $.tasks[{first}])");
                else
                {
                    firstIndexOf[task.QuestionId] = index;
                    tasks.Add(task);
                }
            }
            index++;
        }
        return new TaskManifest(name, tasks);
    }

    private static TaskDefinition? ReadTask(JsonElement task, string at, Checker check)
    {
        if (task.ValueKind != JsonValueKind.Object)
        {
            check.Problem(at, $"a task must be an object, not {JsonValues.KindOf(task)}");
            return null;
        }
        var before = check.Problems.Count;
        check.UnknownProperties(task, at, TaskProperties);

        var questionId = check.RequiredString(task, "question_id", $"{at}.question_id");
        var variant = check.RequiredString(task, "variant", $"{at}.variant");
        if (variant is not null && !TaskVariants.IsKnown(variant))
            check.Problem($"{at}.variant", $"unknown variant '{variant}', expected {TaskVariants.IcSwe} or {TaskVariants.SweManager}");

        decimal price = 0;
        if (!task.TryGetProperty("price", out var priceElement))
            check.Problem($"{at}.price", "missing; every task needs a price in dollars");
        else if (priceElement.ValueKind != JsonValueKind.Number)
            check.Problem($"{at}.price", $"must be a number, not {priceElement.GetRawText()}");
        else if (!priceElement.TryGetDecimal(out price) ? priceElement.GetRawText().StartsWith('-') : price < 0)
            check.Problem($"{at}.price", $"must be >= 0, not {priceElement.GetRawText()}");
        else if (price > TaskPrices.MaxUsd || !priceElement.TryGetDecimal(out _))
            check.Problem($"{at}.price", $"must be at most {TaskPrices.MaxUsdText}, not {priceElement.GetRawText()}");

        var title = check.OptionalString(task, "title", $"{at}.title");
        check.OptionalString(task, "description", $"{at}.description"); // the issue text shown to models; grading does not need it

        ManagerTaskSpec? manager = null;
        IcTaskSpec? ic = null;
        var hasManager = task.TryGetProperty("manager", out var managerElement);
        var hasIc = task.TryGetProperty("ic", out var icElement);
        if (variant == TaskVariants.SweManager)
        {
            if (hasIc)
                check.Problem($"{at}.ic", "a swe_manager task cannot have an \"ic\" block");
            if (!hasManager)
                check.Problem($"{at}.manager", "missing; a swe_manager task needs \"manager\": { \"correct_proposal_id\": … }");
            else
                manager = ReadManager(managerElement, $"{at}.manager", check);
        }
        else if (variant == TaskVariants.IcSwe)
        {
            if (hasManager)
                check.Problem($"{at}.manager", "an ic_swe task cannot have a \"manager\" block");
            ic = hasIc ? ReadIc(icElement, $"{at}.ic", check) : new IcTaskSpec([], null);
        }

        if (check.Problems.Count > before || questionId is null || variant is null)
            return null;
        return new TaskDefinition(questionId, variant, price, title, manager, ic);
    }

    private static ManagerTaskSpec? ReadManager(JsonElement manager, string at, Checker check)
    {
        if (manager.ValueKind != JsonValueKind.Object)
        {
            check.Problem(at, $"must be an object, not {JsonValues.KindOf(manager)}");
            return null;
        }
        check.UnknownProperties(manager, at, ManagerProperties);

        string? correctId = null;
        if (!manager.TryGetProperty("correct_proposal_id", out var correct))
            check.Problem($"{at}.correct_proposal_id", "missing; a manager task needs the id of the correct proposal");
        else
        {
            correctId = JsonValues.IdText(correct, out var error);
            if (error is not null)
                check.Problem($"{at}.correct_proposal_id", error);
        }

        var ids = new List<string>();
        var given = manager.TryGetProperty("proposals", out var proposals) && proposals.ValueKind != JsonValueKind.Null;
        if (given)
        {
            if (proposals.ValueKind != JsonValueKind.Array)
            {
                check.Problem($"{at}.proposals", $"must be an array, not {JsonValues.KindOf(proposals)}");
                return null;
            }
            var i = 0;
            foreach (var proposal in proposals.EnumerateArray())
            {
                var pAt = $"{at}.proposals[{i++}]";
                if (proposal.ValueKind != JsonValueKind.Object)
                {
                    check.Problem(pAt, $"a proposal must be an object with an \"id\", not {JsonValues.KindOf(proposal)}");
                    continue;
                }
                if (!proposal.TryGetProperty("id", out var idElement))
                {
                    check.Problem($"{pAt}.id", "missing; every proposal needs an id");
                    continue;
                }
                var id = JsonValues.IdText(idElement, out var error);
                if (error is not null)
                    check.Problem($"{pAt}.id", error);
                else if (ids.Contains(id!, StringComparer.Ordinal))
                    check.Problem($"{pAt}.id", $"duplicate proposal id '{id}'");
                else
                    ids.Add(id!);
                check.OptionalString(proposal, "summary", $"{pAt}.summary");
            }
        }

        if (correctId is null)
            return null;
        if (given && !ids.Contains(correctId, StringComparer.Ordinal))
        {
            check.Problem($"{at}.correct_proposal_id", ManagerProposals.NotAmong(correctId, ids));
            return null;
        }
        return new ManagerTaskSpec(correctId, ids);
    }

    private static string ManifestFolder(string displayPath) =>
        Path.GetDirectoryName(Path.GetFullPath(displayPath)) ?? Directory.GetCurrentDirectory();

    /// <summary>Collects problems, each located by JSON path and the line where that value starts.</summary>
    private sealed class Checker(string path, JsonLineMap lines, string baseFolder)
    {
        public List<InputProblem> Problems { get; } = [];

        /// <summary>The folder holding the manifest: patch and test paths are relative to it.</summary>
        public string BaseFolder => baseFolder;

        public void Problem(string jsonPath, string detail)
        {
            var line = lines.LineOf(jsonPath);
            Problems.Add(new InputProblem(path, line, jsonPath, detail) { Where = line is null ? null : $"line {line}" });
        }

        public void UnknownProperties(JsonElement obj, string at, HashSet<string> known)
        {
            foreach (var property in obj.EnumerateObject())
            {
                if (!known.Contains(property.Name))
                    Problem($"{at}.{property.Name}", $"unknown property '{property.Name}' (expected one of: {string.Join(", ", known)})");
            }
        }

        public string? RequiredString(JsonElement obj, string name, string at)
        {
            if (!obj.TryGetProperty(name, out var value))
            {
                Problem(at, "missing");
                return null;
            }
            if (value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
            {
                Problem(at, value.ValueKind == JsonValueKind.String ? "must not be empty" : $"must be a string, not {JsonValues.KindOf(value)}");
                return null;
            }
            return value.GetString()!.Trim();
        }

        public IReadOnlyList<string>? OptionalStringArray(JsonElement obj, string name, string at)
        {
            if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
                return null;
            if (value.ValueKind != JsonValueKind.Array)
            {
                Problem(at, $"must be an array of strings, not {JsonValues.KindOf(value)}");
                return null;
            }
            var items = new List<string>();
            var i = 0;
            foreach (var item in value.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.String)
                    items.Add(item.GetString()!);
                else
                    Problem($"{at}[{i}]", $"must be a string, not {JsonValues.KindOf(item)}");
                i++;
            }
            return items;
        }

        public int? OptionalInt(JsonElement obj, string name, string at, int min, int max)
        {
            if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
                return null;
            if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var number) || number < min || number > max)
            {
                Problem(at, $"must be an integer from {min} to {max}, not {value.GetRawText()}");
                return null;
            }
            return number;
        }

        public string? OptionalString(JsonElement obj, string name, string at)
        {
            if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
                return null;
            if (value.ValueKind == JsonValueKind.String)
                return value.GetString();
            Problem(at, $"must be a string, not {JsonValues.KindOf(value)}");
            return null;
        }
    }
}
