using System.CommandLine.Parsing;

namespace SweLancer.Hosting.Nodes;

/// <summary>
/// Option defaults read from environment variables (how a Kubernetes pod is configured). A malformed value is a parse
/// error that names the variable, the same as a malformed flag.
/// </summary>
public static class EnvironmentDefault
{
    public static string? Text(string variable) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value ? value : null;

    public static Func<ArgumentResult, int> Int(string variable, int fallback) =>
        result => OptionalInt(variable)(result) ?? fallback;

    public static Func<ArgumentResult, int?> OptionalInt(string variable) => result =>
    {
        if (Text(variable) is not { } raw)
            return null;
        if (int.TryParse(raw, out var value))
            return value;
        result.AddError($"environment variable {variable}='{raw}' is not a whole number.");
        return null;
    };

    public static Func<ArgumentResult, bool> Flag(string variable, bool fallback) => result =>
    {
        if (Text(variable) is not { } raw)
            return fallback;
        if (bool.TryParse(raw, out var value))
            return value;
        result.AddError($"environment variable {variable}='{raw}' is neither true nor false.");
        return fallback;
    };

    public static Func<ArgumentResult, string> String(string variable, string fallback) => _ => Text(variable) ?? fallback;
}
