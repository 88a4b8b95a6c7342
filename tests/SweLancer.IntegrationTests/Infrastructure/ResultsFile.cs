namespace SweLancer.IntegrationTests.Infrastructure;

/// <summary>results.csv read back; the project's own rows never contain commas except in quoted reasons.</summary>
public sealed record ResultRow(string QuestionId, string Variant, int Attempt, string Outcome, decimal EarnedUsd, decimal PriceUsd, string Reason);

public static class ResultsFile
{
    public static (string Header, IReadOnlyList<ResultRow> Rows) Read(string path)
    {
        var lines = File.ReadAllLines(path);
        var rows = lines.Skip(1).Select(Parse).ToList();
        return (lines[0], rows);
    }

    private static ResultRow Parse(string line)
    {
        var fields = SplitCsv(line);
        return new ResultRow(fields[0], fields[1], int.Parse(fields[2]), fields[3],
            decimal.Parse(fields[4], System.Globalization.CultureInfo.InvariantCulture),
            decimal.Parse(fields[5], System.Globalization.CultureInfo.InvariantCulture), fields[6]);
    }

    private static List<string> SplitCsv(string line)
    {
        var fields = new List<string>();
        var current = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"') { current.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else current.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { fields.Add(current.ToString()); current.Clear(); }
            else current.Append(c);
        }

        fields.Add(current.ToString());
        return fields;
    }
}
