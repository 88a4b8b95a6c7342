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

    private static readonly KnownProperties RootProperties = new("format", "version", "name", "tasks");
    private static readonly KnownProperties TaskProperties = new("question_id", "variant", "price", "title", "description", "manager", "ic");
    private static readonly KnownProperties ManagerProperties = new("correct_proposal_id", "proposals");

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
            check.Problem(JsonPath.Root, $"the manifest must be a JSON object, not {JsonValues.KindOf(root)}");
            return null;
        }
        check.UnknownProperties(root, JsonPath.Root, RootProperties);

        if (!root.TryGetProperty("format", out var format))
            check.Problem(JsonPath.Root.Property("format"), $"missing; expected \"format\": \"{FormatName}\"");
        else if (format.ValueKind != JsonValueKind.String || format.GetString() != FormatName)
        {
            check.Problem(JsonPath.Root.Property("format"), $"expected \"{FormatName}\", found {format.GetRawText()}");
            return null; // some other kind of file: its contents would only produce noise
        }

        if (!root.TryGetProperty("version", out var version))
            check.Problem(JsonPath.Root.Property("version"), $"missing; expected \"version\": {SupportedVersion}");
        else if (version.ValueKind != JsonValueKind.Number || !version.TryGetInt32(out var v) || v != SupportedVersion)
            check.Problem(JsonPath.Root.Property("version"), $"unsupported version {version.GetRawText()}; this reader understands version {SupportedVersion}");

        var name = check.OptionalString(root, "name", JsonPath.Root);

        var tasksPath = JsonPath.Root.Property("tasks");
        if (!root.TryGetProperty("tasks", out var tasksElement) || tasksElement.ValueKind != JsonValueKind.Array)
        {
            check.Problem(tasksPath, tasksElement.ValueKind == JsonValueKind.Undefined
                ? "missing; expected an array of tasks"
                : $"expected an array of tasks, not {JsonValues.KindOf(tasksElement)}");
            return null;
        }

        var tasks = new List<TaskDefinition>();
        var firstIndexOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var index = 0;
        foreach (var element in tasksElement.EnumerateArray())
        {
            var at = tasksPath.Index(index);
            var task = ReadTask(element, at, check);
            if (task is not null)
            {
                if (firstIndexOf.TryGetValue(task.QuestionId, out var first))
                    check.Problem(at.Property("question_id"), $"duplicate question_id '{task.QuestionId}' (first used by {tasksPath.Index(first)})");
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

    private static TaskDefinition? ReadTask(JsonElement task, JsonPath at, Checker check)
    {
        if (task.ValueKind != JsonValueKind.Object)
        {
            check.Problem(at, $"a task must be an object, not {JsonValues.KindOf(task)}");
            return null;
        }
        var before = check.Problems.Count;
        check.UnknownProperties(task, at, TaskProperties);

        var questionId = check.RequiredString(task, "question_id", at);
        var variant = check.RequiredString(task, "variant", at);
        if (variant is not null && !TaskVariants.IsKnown(variant))
            check.Problem(at.Property("variant"), $"unknown variant '{variant}', expected {TaskVariants.IcSwe} or {TaskVariants.SweManager}");

        decimal price = 0;
        if (!task.TryGetProperty("price", out var priceElement))
            check.Problem(at.Property("price"), "missing; every task needs a price in dollars");
        else if (priceElement.ValueKind != JsonValueKind.Number)
            check.Problem(at.Property("price"), $"must be a number, not {priceElement.GetRawText()}");
        else if (!priceElement.TryGetDecimal(out price) ? priceElement.GetRawText().StartsWith('-') : price < 0)
            check.Problem(at.Property("price"), $"must be >= 0, not {priceElement.GetRawText()}");
        else if (price > TaskPrices.MaxUsd || !priceElement.TryGetDecimal(out _))
            check.Problem(at.Property("price"), $"must be at most {TaskPrices.MaxUsdText}, not {priceElement.GetRawText()}");

        var title = check.OptionalString(task, "title", at);
        check.OptionalString(task, "description", at); // the issue text shown to models; grading does not need it

        ManagerTaskSpec? manager = null;
        IcTaskSpec? ic = null;
        var hasManager = task.TryGetProperty("manager", out var managerElement);
        var hasIc = task.TryGetProperty("ic", out var icElement);
        if (variant == TaskVariants.SweManager)
        {
            if (hasIc)
                check.Problem(at.Property("ic"), "a swe_manager task cannot have an \"ic\" block");
            if (!hasManager)
                check.Problem(at.Property("manager"), "missing; a swe_manager task needs \"manager\": { \"correct_proposal_id\": … }");
            else
                manager = ReadManager(managerElement, at.Property("manager"), check);
        }
        else if (variant == TaskVariants.IcSwe)
        {
            if (hasManager)
                check.Problem(at.Property("manager"), "an ic_swe task cannot have a \"manager\" block");
            ic = hasIc ? ReadIc(icElement, at.Property("ic"), check) : new IcTaskSpec([], null);
        }

        if (check.Problems.Count > before || questionId is null || variant is null)
            return null;
        return new TaskDefinition(questionId, variant, price, title, manager, ic);
    }

    private static ManagerTaskSpec? ReadManager(JsonElement manager, JsonPath at, Checker check)
    {
        if (manager.ValueKind != JsonValueKind.Object)
        {
            check.Problem(at, $"must be an object, not {JsonValues.KindOf(manager)}");
            return null;
        }
        check.UnknownProperties(manager, at, ManagerProperties);

        string? correctId = null;
        if (!manager.TryGetProperty("correct_proposal_id", out var correct))
            check.Problem(at.Property("correct_proposal_id"), "missing; a manager task needs the id of the correct proposal");
        else
        {
            correctId = JsonValues.IdText(correct, out var error);
            if (error is not null)
                check.Problem(at.Property("correct_proposal_id"), error);
        }

        var ids = new List<string>();
        var given = manager.TryGetProperty("proposals", out var proposals) && proposals.ValueKind != JsonValueKind.Null;
        if (given)
        {
            if (proposals.ValueKind != JsonValueKind.Array)
            {
                check.Problem(at.Property("proposals"), $"must be an array, not {JsonValues.KindOf(proposals)}");
                return null;
            }
            var i = 0;
            var proposalsAt = at.Property("proposals");
            foreach (var proposal in proposals.EnumerateArray())
            {
                var pAt = proposalsAt.Index(i++);
                if (proposal.ValueKind != JsonValueKind.Object)
                {
                    check.Problem(pAt, $"a proposal must be an object with an \"id\", not {JsonValues.KindOf(proposal)}");
                    continue;
                }
                if (!proposal.TryGetProperty("id", out var idElement))
                {
                    check.Problem(pAt.Property("id"), "missing; every proposal needs an id");
                    continue;
                }
                var id = JsonValues.IdText(idElement, out var error);
                if (error is not null)
                    check.Problem(pAt.Property("id"), error);
                else if (ids.Contains(id!, StringComparer.Ordinal))
                    check.Problem(pAt.Property("id"), $"duplicate proposal id '{id}'");
                else
                    ids.Add(id!);
                check.OptionalString(proposal, "summary", pAt);
            }
        }

        if (correctId is null)
            return null;
        if (given && !ids.Contains(correctId, StringComparer.Ordinal))
        {
            check.Problem(at.Property("correct_proposal_id"), ManagerProposals.NotAmong(correctId, ids));
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

        public void Problem(JsonPath at, string detail)
        {
            var jsonPath = at.ToString();
            var line = lines.LineOf(jsonPath);
            Problems.Add(new InputProblem(path, line, jsonPath, detail) { Where = line is null ? null : $"line {line}" });
        }

        public void UnknownProperties(JsonElement obj, JsonPath at, KnownProperties known)
        {
            foreach (var property in obj.EnumerateObject())
            {
                if (!known.Contains(property))
                    Problem(at.Property(property.Name), $"unknown property '{property.Name}' (expected one of: {known})");
            }
        }

        /// <summary>The trimmed string at <paramref name="at"/>.<paramref name="name"/>; a problem when it is missing, empty or not a string.</summary>
        public string? RequiredString(JsonElement obj, string name, JsonPath at)
        {
            if (!obj.TryGetProperty(name, out var value))
            {
                Problem(at.Property(name), "missing");
                return null;
            }
            var text = value.ValueKind == JsonValueKind.String ? value.GetString() : null;
            if (string.IsNullOrWhiteSpace(text))
            {
                Problem(at.Property(name), value.ValueKind == JsonValueKind.String ? "must not be empty" : $"must be a string, not {JsonValues.KindOf(value)}");
                return null;
            }
            return text.Trim();
        }

        public IReadOnlyList<string>? OptionalStringArray(JsonElement obj, string name, JsonPath at)
        {
            if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
                return null;
            if (value.ValueKind != JsonValueKind.Array)
            {
                Problem(at.Property(name), $"must be an array of strings, not {JsonValues.KindOf(value)}");
                return null;
            }
            var items = new List<string>();
            var i = 0;
            foreach (var item in value.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.String)
                    items.Add(item.GetString()!);
                else
                    Problem(at.Property(name).Index(i), $"must be a string, not {JsonValues.KindOf(item)}");
                i++;
            }
            return items;
        }

        public int? OptionalInt(JsonElement obj, string name, JsonPath at, int min, int max)
        {
            if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
                return null;
            if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var number) || number < min || number > max)
            {
                Problem(at.Property(name), $"must be an integer from {min} to {max}, not {value.GetRawText()}");
                return null;
            }
            return number;
        }

        public string? OptionalString(JsonElement obj, string name, JsonPath at)
        {
            if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
                return null;
            if (value.ValueKind == JsonValueKind.String)
                return value.GetString();
            Problem(at.Property(name), $"must be a string, not {JsonValues.KindOf(value)}");
            return null;
        }
    }
}
