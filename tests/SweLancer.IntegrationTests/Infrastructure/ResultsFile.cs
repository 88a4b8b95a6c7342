using System.Globalization;
using CsvHelper;

namespace SweLancer.IntegrationTests.Infrastructure;

/// <summary>One row of results.csv.</summary>
/// <param name="Runs">The attempt's test runs in order, e.g. <c>failed passed</c>; empty when none ran.</param>
/// <param name="ContainerSeconds">Null when the file leaves it empty.</param>
public sealed record ResultRow(string QuestionId, string Variant, int Attempt, string Outcome, decimal EarnedUsd, decimal PriceUsd, string Reason,
    string Runs = "", double? ContainerSeconds = null, double? BrowserSeconds = null);

/// <summary>results.csv read back with the same CSV library that writes it.</summary>
public static class ResultsFile
{
    public static (string Header, IReadOnlyList<ResultRow> Rows) Read(string path)
    {
        using var reader = new StreamReader(path);
        return Parse(reader);
    }

    /// <summary>results.csv's text, e.g. as GET /api/sweeps/{id}/results.csv answers it.</summary>
    public static (string Header, IReadOnlyList<ResultRow> Rows) Parse(TextReader reader)
    {
        using var csv = CsvReader.Create(reader, new CsvReaderOptions { HasHeader = true, Mode = CsvMode.Rfc4180, AllowLineBreaksInQuotes = true }, leaveOpen: true);
        csv.ReadHeader();
        var header = string.Join(',', csv.Headers.ToArray());
        var rows = new List<ResultRow>();
        while (csv.Read())
        {
            string Field(int i) => csv.GetString(i) ?? "";
            double? Seconds(int i) => Field(i) is { Length: > 0 } text ? double.Parse(text, CultureInfo.InvariantCulture) : null;
            rows.Add(new ResultRow(Field(0), Field(1), int.Parse(Field(2), CultureInfo.InvariantCulture), Field(3),
                decimal.Parse(Field(4), CultureInfo.InvariantCulture), decimal.Parse(Field(5), CultureInfo.InvariantCulture), Field(6),
                Field(7), Seconds(8), Seconds(9)));
        }

        return (header, rows);
    }
}
