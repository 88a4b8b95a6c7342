using System.Text.Json;

namespace SweLancer.Coordinator.Api;

/// <summary>
/// An uploaded task manifest travels alone, so a relative file it names (bug_patch, gold_patch, hidden_tests) with a
/// '..' segment can only climb out of the upload folder into the coordinator's host: refused before the manifest is
/// read. An absolute path names a file on the coordinator's volume, the same trust as a JSON submission's tasks_path.
/// </summary>
public static class UploadedManifestReferences
{
    private static readonly string[] FileFields = ["bug_patch", "gold_patch", "hidden_tests"];

    /// <summary>One problem per file reference, named by its JSON path; none for a malformed manifest (its reader says why).</summary>
    public static IReadOnlyList<string> Problems(string json, string clientName)
    {
        var problems = new List<string>();
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException)
        {
            return problems;
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("tasks", out var tasks) || tasks.ValueKind != JsonValueKind.Array)
                return problems;
            var index = 0;
            foreach (var task in tasks.EnumerateArray())
            {
                if (task.ValueKind == JsonValueKind.Object && task.TryGetProperty("ic", out var ic) && ic.ValueKind == JsonValueKind.Object)
                {
                    foreach (var field in FileFields)
                    {
                        if (ic.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String && Climbs(value.GetString()!))
                            problems.Add($"{clientName}: $.tasks[{index}].ic.{field}: an uploaded manifest cannot climb out of its upload ({value.GetRawText()}); " +
                                         "only the manifest is uploaded. Give an absolute path on the coordinator's volume, or submit by path (swelancer submit --shared-paths).");
                    }
                }

                index++;
            }
        }

        return problems;
    }

    private static bool Climbs(string path) =>
        !Path.IsPathRooted(path) && path.Split('/', '\\').Any(segment => segment == "..");
}
