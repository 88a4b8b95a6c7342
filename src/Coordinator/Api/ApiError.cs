namespace SweLancer.Coordinator.Api;

/// <summary>The body of every 4xx/5xx answer: what was wrong, in words.</summary>
public sealed record ApiError(string Error);
