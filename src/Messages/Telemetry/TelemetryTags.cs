namespace SweLancer.Messages.Telemetry;

/// <summary>
/// Attribute (label) names. Metric labels stay bounded: sweep, variant, outcome, node and small enums, never question ids
/// or free text; spans may carry the question id.
/// </summary>
public static class TelemetryTags
{
    public const string SweepId = "swelancer.sweep.id";
    public const string Variant = "swelancer.task.variant";
    public const string Outcome = "swelancer.grade.outcome";
    public const string Node = "swelancer.node.id";
    public const string SlotState = "swelancer.container.slot.state";

    /// <summary>Spans only: unbounded.</summary>
    public const string QuestionId = "swelancer.task.question_id";
    public const string Attempt = "swelancer.task.attempt";
    public const string Delivery = "swelancer.dispatch.delivery";

    /// <summary>The OpenTelemetry semantic-convention attribute for a failure's class.</summary>
    public const string ErrorType = "error.type";
}
