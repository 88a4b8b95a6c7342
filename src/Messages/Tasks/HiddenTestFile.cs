namespace SweLancer.Messages.Tasks;

/// <summary>One hidden test file, carried inline.</summary>
/// <param name="RelativePath">Path under /hidden-tests, with '/' separators.</param>
/// <param name="Content">The file's bytes (base64 in JSON), so scripts and binaries survive unchanged.</param>
/// <param name="Executable">Whether the file had an execute bit.</param>
public sealed record HiddenTestFile(string RelativePath, byte[] Content, bool Executable = false);
