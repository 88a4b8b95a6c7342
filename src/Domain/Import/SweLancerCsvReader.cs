using System.Globalization;
using CsvHelper;
using SweLancer.Messages.Tasks;

namespace SweLancer.Domain.Import;

/// <summary>
/// Reads a SWE-Lancer task table: RFC 4180 CSV (quoted fields may span lines) whose
/// <c>prompt</c>, <c>manager_data</c> and <c>acceptable_folders</c> cells are Python literals.
/// </summary>
/// <remarks>
/// Required columns: <c>question_id</c>, <c>variant</c>, <c>price</c>. Used when present: <c>manager_data</c>
/// (needed by every <c>swe_manager</c> row), <c>acceptable_folders</c>, <c>cwd</c>, <c>prompt</c> (for a title),
/// and from the full release <c>title</c> and <c>proposals</c>. Other columns (<c>price_limit</c>,
/// <c>manager_commit</c>, <c>set</c>, <c>description</c>, <c>canary</c>, …) are ignored. Header names are
/// matched case-insensitively after trimming. Every problem in the file is reported at once.
/// </remarks>
public static class SweLancerCsvReader
{
    private static readonly string[] RequiredColumns = ["question_id", "variant", "price"];

    /// <summary>Reads the task table at <paramref name="path"/>.</summary>
    /// <exception cref="InputFormatException">The file is missing or any row is unusable.</exception>
    public static IReadOnlyList<TaskDefinition> Read(string path)
    {
        using var reader = ImportFiles.OpenText(path);
        return Read(reader, path);
    }

    /// <summary>Reads a task table from <paramref name="reader"/>; <paramref name="displayPath"/> names it in errors.</summary>
    /// <exception cref="InputFormatException">Any row is unusable.</exception>
    public static IReadOnlyList<TaskDefinition> Read(TextReader reader, string displayPath)
    {
        var options = new CsvReaderOptions
        {
            Separator = ',', // never guess: prompts are full of ';' and '|'
            HasHeader = true,
            Mode = CsvMode.Rfc4180,
            AllowLineBreaksInQuotes = true,
            TrackLineNumbers = true,
            MalformedData = CsvMalformedDataHandling.Throw, // a bad quote must not silently swallow rows
            FieldCountMismatch = CsvFieldCountHandling.Allow, // checked below, with a better message
        };
        using var csv = CsvReader.Create(reader, options, leaveOpen: true);
        try
        {
            return ReadRows(csv, displayPath);
        }
        catch (CsvFormatException ex)
        {
            // CsvHelper's own message is developer-facing, so restate it for users.
            int? line = ex.LineNumber > 0 ? (int)ex.LineNumber : null;
            throw new InputFormatException(
                [new InputProblem(displayPath, line, null, "malformed CSV quoting (a quoted field must end with '\"' and quotes inside it must be doubled)")
                    { Where = line is null ? null : $"line {line}" }],
                ex);
        }
    }

    private static IReadOnlyList<TaskDefinition> ReadRows(CsvReader csv, string path)
    {
        csv.ReadHeader();
        var header = csv.Headers.ToArray();
        if (header.Length == 0 || header.All(string.IsNullOrWhiteSpace))
            throw new InputFormatException(path, null, null, "is empty, expected a header row with question_id, variant, price");

        var columns = MapHeader(header, path);
        var problems = new List<InputProblem>();
        var tasks = new List<TaskDefinition>();
        var firstRowOf = new Dictionary<string, int>(StringComparer.Ordinal);

        while (csv.Read())
        {
            var dataRow = (int)csv.RowNumber;
            var record = new string[csv.FieldCount];
            for (var i = 0; i < record.Length; i++)
                record[i] = csv.GetString(i) ?? "";
            var row = new RowContext(path, dataRow, (int)csv.LineNumber, record, columns, problems);

            if (record.Length != header.Length)
            {
                row.Problem(null, $"has {record.Length} fields but the header has {header.Length}");
                continue;
            }

            var task = ReadTask(row);
            if (task is null)
                continue;
            if (firstRowOf.TryGetValue(task.QuestionId, out var firstRow))
            {
                row.Problem("question_id", $"duplicate question_id '{task.QuestionId}' (first used on row {firstRow})");
                continue;
            }
            firstRowOf[task.QuestionId] = dataRow;
            tasks.Add(task);
        }

        if (problems.Count > 0)
            throw new InputFormatException(problems);
        return tasks;
    }

    private static Dictionary<string, int> MapHeader(string[] header, string path)
    {
        var columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var problems = new List<InputProblem>();
        for (var i = 0; i < header.Length; i++)
        {
            var name = header[i].Trim();
            if (name.Length > 0 && !columns.TryAdd(name, i))
                problems.Add(new InputProblem(path, 1, name, "column appears twice in the header") { Where = "header (line 1)" });
        }
        foreach (var required in RequiredColumns)
        {
            if (!columns.ContainsKey(required))
                problems.Add(new InputProblem(path, 1, required, "required column is missing from the header") { Where = "header (line 1)" });
        }
        if (problems.Count > 0)
            throw new InputFormatException(problems);
        return columns;
    }

    private static TaskDefinition? ReadTask(RowContext row)
    {
        var questionId = row.Cell("question_id")?.Trim();
        if (string.IsNullOrEmpty(questionId))
        {
            row.Problem("question_id", "question_id is empty");
            return null;
        }
        row.QuestionId = questionId;

        var variant = row.Cell("variant")?.Trim() ?? "";
        var variantKnown = TaskVariants.IsKnown(variant);
        if (!variantKnown)
            row.Problem("variant", $"unknown variant '{variant}', expected {TaskVariants.IcSwe} or {TaskVariants.SweManager}");

        var price = ReadPrice(row);

        string? title = NullIfBlank(row.Cell("title"));
        ManagerTaskSpec? manager = null;
        IcTaskSpec? ic = null;
        var ok = variantKnown && price is not null;
        if (variant == TaskVariants.SweManager)
        {
            var managerData = row.ParseLiteral("manager_data");
            manager = ReadManager(row, managerData);
            title ??= PyPath.Find(managerData, "title") as string;
            ok &= manager is not null;
        }
        else if (variant == TaskVariants.IcSwe)
        {
            ic = ReadIc(row, questionId);
            ok &= ic is not null;
        }

        if (!ok)
            return null;
        title ??= TitleFromPrompt(row.Cell("prompt"));
        return new TaskDefinition(questionId, variant, price!.Value, Shorten(title), manager, ic);
    }

    private static decimal? ReadPrice(RowContext row)
    {
        var text = row.Cell("price")?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            row.Problem("price", "price is empty");
            return null;
        }
        if (!decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var price))
        {
            // A number too large for decimal is too large a price, not "not a number".
            var huge = double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var approximate) && double.IsFinite(approximate) && approximate > 0;
            row.Problem("price", huge ? AboveLimit(text) : $"price '{text}' is not a number");
            return null;
        }
        if (price < 0)
        {
            row.Problem("price", $"price {text} is negative");
            return null;
        }
        if (price > TaskPrices.MaxUsd)
        {
            row.Problem("price", AboveLimit(text));
            return null;
        }
        return price;
    }

    private static string AboveLimit(string price) => $"price {price} is above the limit of {TaskPrices.MaxUsdText} dollars per task";

    private static ManagerTaskSpec? ReadManager(RowContext row, object? managerData)
    {
        if (managerData is null)
        {
            if (row.Problems.Count == row.ProblemCountAtStart)
                row.Problem("manager_data", "a swe_manager task needs manager_data with game.correct_proposal.id");
            return null;
        }

        string correctId;
        try
        {
            correctId = PyPath.GetIdText(managerData, "game", "correct_proposal", "id");
        }
        catch (PyPathException ex)
        {
            row.Problem("manager_data", $"manager task without a correct proposal: {ex.Message}");
            return null;
        }

        var candidates = new List<string>();
        var formalData = PyPath.Find(managerData, "game", "all_formal_proposals");
        if (formalData is not (null or List<object?>))
        {
            row.Problem("manager_data", $"['game']['all_formal_proposals'] must be a list, not {PyPath.KindOf(formalData)}");
            return null;
        }
        // Proposals given anywhere (even an empty list) must include the correct one, as in the JSON manifest.
        var given = formalData is not null || NullIfBlank(row.Cell("proposals")) is not null;
        if (formalData is List<object?> formal && formal.Count > 0)
        {
            for (var i = 0; i < formal.Count; i++)
            {
                try
                {
                    candidates.Add(PyPath.GetIdText(formal, i, "id"));
                }
                catch (PyPathException ex)
                {
                    row.Problem("manager_data", $"bad proposal in ['game']['all_formal_proposals']: {ex.Message}");
                    return null;
                }
            }
        }
        else if (NullIfBlank(row.Cell("proposals")) is not null)
        {
            // The full release has a proposals column; its exact shape is unconfirmed, so only ids are taken.
            if (ProposalIdsFromColumn(row) is not { } fromColumn)
                return null;
            candidates.AddRange(fromColumn);
        }

        candidates = candidates.Distinct(StringComparer.Ordinal).ToList();
        if (candidates.Prepend(correctId).Select(ManagerProposals.LoneSurrogateProblem).FirstOrDefault(p => p is not null) is { } unreadable)
        {
            row.Problem("manager_data", unreadable);
            return null;
        }
        if (given && !ManagerProposals.Allows(correctId, candidates))
        {
            row.Problem("manager_data", ManagerProposals.NotAmong(correctId, candidates));
            return null;
        }
        return new ManagerTaskSpec(correctId, candidates);
    }

    private static List<string>? ProposalIdsFromColumn(RowContext row)
    {
        if (row.ParseLiteral("proposals") is not List<object?> proposals)
        {
            if (row.Problems.Count == row.ProblemCountAtStart)
                row.Problem("proposals", "expected a list of proposals");
            return null;
        }
        var ids = new List<string>();
        foreach (var proposal in proposals)
        {
            var id = proposal is Dictionary<string, object?> dict ? PyPath.Find(dict, "id") : proposal;
            if (!PyPath.IsId(id))
            {
                row.Problem("proposals", $"proposal {PyPath.KindOf(proposal)} has no str or int id");
                return null;
            }
            ids.Add(PythonLiteral.ToInvariantText(id));
        }
        return ids;
    }

    private static IcTaskSpec? ReadIc(RowContext row, string questionId)
    {
        var folders = new List<string>();
        if (NullIfBlank(row.Cell("acceptable_folders")) is not null)
        {
            var parsed = row.ParseLiteral("acceptable_folders");
            if (parsed is not List<object?> list)
            {
                if (row.Problems.Count == row.ProblemCountAtStart)
                    row.Problem("acceptable_folders", $"expected a list of strings, found {PyPath.KindOf(parsed)}");
                return null;
            }
            foreach (var item in list)
            {
                if (item is not string folder)
                {
                    row.Problem("acceptable_folders", $"expected a list of strings, found an item that is {PyPath.KindOf(item)}");
                    return null;
                }
                folders.Add(folder);
            }
        }
        // Graded by the official protocol in the task's own image, which the grader node picks (per-task, monolith or a
        // mirror); without it grading reports "image … is not available", a system error, never the model's failure.
        return new IcTaskSpec(folders, NullIfBlank(row.Cell("cwd"))?.Trim(), Image: SweLancerImage(questionId), Runner: IcRunnerKinds.SweLancer);
    }

    /// <summary>The image SWE-Lancer's own harness uses for an IC task.</summary>
    public static string SweLancerImage(string questionId) => $"swelancer/swelancer_x86_{questionId}:releasev1";

    // The prompt is a chat transcript whose first message quotes the issue; its first line is the issue title.
    // Titles are a nicety, so any surprise in the prompt just means no title.
    private static string? TitleFromPrompt(string? prompt)
    {
        if (string.IsNullOrWhiteSpace(prompt))
            return null;
        object? parsed;
        try
        {
            parsed = PythonLiteral.Parse(prompt);
        }
        catch (PythonLiteralException)
        {
            return null;
        }
        if (PyPath.Find(parsed, 0, "content") is not string content)
            return null;
        const string marker = "following issue:\n\n";
        var start = content.IndexOf(marker, StringComparison.Ordinal);
        if (start < 0)
            return null;
        start += marker.Length;
        var end = content.IndexOf('\n', start);
        var line = (end < 0 ? content[start..] : content[start..end]).Trim();
        return line.Length == 0 ? null : line;
    }

    private const int MaxTitleLength = 200;

    private static string? Shorten(string? title)
    {
        title = NullIfBlank(title)?.Trim();
        return title is { Length: > MaxTitleLength } ? title[..(MaxTitleLength - 1)] + "…" : title;
    }

    private static string? NullIfBlank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    /// <summary>One data row while it is being read, and how to report problems in it.</summary>
    private sealed class RowContext(string path, int dataRow, int startLine, string[] record, Dictionary<string, int> columns, List<InputProblem> problems)
    {
        public string? QuestionId { get; set; }

        public List<InputProblem> Problems => problems;

        public int ProblemCountAtStart { get; } = problems.Count;

        public string? Cell(string column) =>
            columns.TryGetValue(column, out var index) && index < record.Length ? record[index] : null;

        /// <summary>The column's Python literal; null (with a problem recorded) when absent, empty or malformed.</summary>
        public object? ParseLiteral(string column)
        {
            if (!columns.ContainsKey(column))
            {
                Problem(column, "column is missing from the header but this row needs it");
                return null;
            }
            var text = Cell(column);
            if (string.IsNullOrWhiteSpace(text))
            {
                Problem(column, "is empty");
                return null;
            }
            try
            {
                return PythonLiteral.Parse(text);
            }
            catch (PythonLiteralException ex)
            {
                Problem(column, ex.Message);
                return null;
            }
        }

        public void Problem(string? column, string detail)
        {
            var where = QuestionId is null
                ? $"row {dataRow} (line {startLine})"
                : $"row {dataRow} (line {startLine}, question_id {QuestionId})";
            problems.Add(new InputProblem(path, dataRow, column, detail) { Where = where });
        }
    }
}
