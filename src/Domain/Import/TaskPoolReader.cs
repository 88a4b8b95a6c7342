using SweLancer.Messages.Tasks;

namespace SweLancer.Domain.Import;

/// <summary>Reads a task pool from whichever supported format its file extension names.</summary>
public static class TaskPoolReader
{
    /// <summary>
    /// <c>.csv</c>: a SWE-Lancer task table (<see cref="SweLancerCsvReader"/>);
    /// <c>.json</c>: a task manifest (<see cref="TaskManifestReader"/>). Extensions are matched case-insensitively.
    /// </summary>
    /// <exception cref="InputFormatException">The file is missing, has another extension, is not valid in its format, or
    /// holds no tasks.</exception>
    public static IReadOnlyList<TaskDefinition> Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (Directory.Exists(path))
            throw new InputFormatException(path, null, null, "is a directory, expected a task pool file (.csv or .json)");
        if (!File.Exists(path))
            throw new InputFormatException(path, null, null, "file not found");

        var extension = Path.GetExtension(path).ToLowerInvariant();
        var tasks = extension switch
        {
            ".csv" => SweLancerCsvReader.Read(path),
            ".json" => TaskManifestReader.Read(path),
            _ => throw new InputFormatException(path, null, null,
                $"unsupported task pool file type '{(extension.Length == 0 ? "(none)" : extension)}'; " +
                "expected .csv (a SWE-Lancer task table) or .json (a task manifest, see docs/task-manifest.md)"),
        };
        // A sweep of nothing would start, write a journal and wait forever for "0/0 graded": refuse it up front.
        if (tasks.Count == 0)
            throw new InputFormatException(path, null, null, "holds no tasks, so a sweep would have nothing to grade; a task pool needs at least one task");
        return tasks;
    }
}
