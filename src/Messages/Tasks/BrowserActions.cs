namespace SweLancer.Messages.Tasks;

/// <summary>The browser step actions and the fields each one requires, shared by the manifest reader and the runner.</summary>
public static class BrowserActions
{
    public const string Navigate = "navigate";
    public const string Click = "click";
    public const string Fill = "fill";
    public const string Press = "press";
    public const string Select = "select";
    public const string ExpectText = "expect_text";
    public const string ExpectVisible = "expect_visible";
    public const string ExpectHidden = "expect_hidden";
    public const string ExpectCount = "expect_count";
    public const string ExpectUrl = "expect_url";
    public const string Evaluate = "evaluate";

    /// <summary>Action → the step fields (snake_case, as in the manifest) it cannot do without.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> RequiredFields = new Dictionary<string, string[]>
    {
        [Navigate] = ["url"],
        [Click] = ["selector"],
        [Fill] = ["selector", "value"],
        [Press] = ["selector", "key"],
        [Select] = ["selector", "value"],
        [ExpectText] = ["selector", "text"],
        [ExpectVisible] = ["selector"],
        [ExpectHidden] = ["selector"],
        [ExpectCount] = ["selector", "count"],
        [ExpectUrl] = ["pattern"],
        [Evaluate] = ["expression"],
    };

    public static bool IsKnown(string action) => RequiredFields.ContainsKey(action);
}
