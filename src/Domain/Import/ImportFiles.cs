namespace SweLancer.Domain.Import;

/// <summary>Opening input files so that a missing or unreadable file is an <see cref="InputFormatException"/>, not a crash.</summary>
internal static class ImportFiles
{
    /// <summary>Opens <paramref name="path"/> as UTF-8 text (a UTF-8 BOM is dropped). Malformed UTF-8 is an
    /// <see cref="InputFormatException"/> naming the line and byte when the reader reaches it, never a U+FFFD.</summary>
    public static StreamReader OpenText(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (Directory.Exists(path))
            throw new InputFormatException(path, null, null, "is a directory, expected a file");
        try
        {
            // Only a UTF-8 BOM passes the check; the reader's own BOM detection just drops it.
            return new StreamReader(new Utf8CheckedStream(File.OpenRead(path), path), new System.Text.UTF8Encoding(false, throwOnInvalidBytes: true),
                detectEncodingFromByteOrderMarks: true);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new InputFormatException(path, null, null, "file not found");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InputFormatException([new InputProblem(path, null, null, $"cannot be read: {ex.Message}")], ex);
        }
    }

    /// <summary>Reads all of <paramref name="path"/> as bytes, with the same error handling as <see cref="OpenText"/>,
    /// including the UTF-8 check.</summary>
    public static byte[] ReadBytes(string path)
    {
        using var reader = OpenText(path);
        using var memory = new MemoryStream();
        reader.BaseStream.CopyTo(memory);
        return memory.ToArray();
    }
}
