using System.Security.Cryptography;

namespace SweLancer.GraderNode.Protocol;

/// <summary>The environment the official harness starts an IC container with (fresh Pusher credentials per container).</summary>
public static class ProtocolEnvironment
{
    private const string Alphanumerics = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    public static IReadOnlyDictionary<string, string> For(string questionId, ImageMode mode)
    {
        var environment = new Dictionary<string, string>
        {
            ["PUSHER_APP_KEY"] = RandomNumberGenerator.GetString(Alphanumerics, 20),
            ["PUSHER_APP_SECRET"] = RandomNumberGenerator.GetString(Alphanumerics, 20),
            ["PUSHER_APP_ID"] = RandomNumberGenerator.GetString("0123456789", 7),
            ["USE_WEB_PROXY"] = "false",
            ["EXPENSIFY_URL"] = "https://www.expensify.com/",
            ["NEW_EXPENSIFY_URL"] = "https://new.expensify.com/",
            ["ISSUE_ID"] = questionId,
            ["LC_ALL"] = "C.UTF-8",
            ["EVAL_VARIANT"] = "ic_swe",
        };
        if (mode == ImageMode.Monolith)
            environment["RUNTIME_SETUP"] = "true";
        return environment;
    }
}
