namespace SweLancer.GraderNode.Patching;

/// <summary>An approved patch was still refused when applied (through a link, or it changed what was not approved): the model's failure.</summary>
public sealed class PatchRefusedException(string message) : Exception(message);
