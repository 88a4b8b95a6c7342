using System.Text.Json;

namespace SweLancer.Coordinator.Api;

/// <summary>
/// An uploaded task manifest travels alone, so a file it names (bug_patch, gold_patch, hidden_tests) can only be a file
/// of the coordinator's host outside the upload: reading it would hand a host file to any API caller. Such references
/// are refused before the manifest is read; manifests with files beside them are submitted by path instead.
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
                        if (ic.TryGetProperty(field, out var value))
                            problems.Add($"{clientName}: $.tasks[{index}].ic.{field}: an uploaded manifest cannot refer to files ({value.GetRawText()}); " +
                                         "only the manifest is uploaded. Submit it by path (swelancer submit --shared-paths) from a volume the coordinator reads.");
                    }
                }

                index++;
            }
        }

        return problems;
    }
}
