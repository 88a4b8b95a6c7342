using SweLancer.Messages.Sweeps;

namespace SweLancer.Domain.Planning;

/// <summary>Tells whether a resumed sweep was given the same work it was started with.</summary>
public static class PlanComparison
{
    /// <returns>null when the plans match, else what differs, in words.</returns>
    public static string? Difference(IReadOnlyList<PlannedItem> recorded, IReadOnlyList<PlannedItem> offered)
    {
        var byKey = recorded.ToDictionary(i => (i.QuestionId, i.Attempt));
        var offeredKeys = offered.Select(i => (i.QuestionId, i.Attempt)).ToHashSet();

        var missing = recorded.Where(i => !offeredKeys.Contains((i.QuestionId, i.Attempt))).ToList();
        if (missing.Count > 0)
            return $"{missing.Count} task attempt(s) of the recorded sweep are not in the new inputs, e.g. {missing[0].QuestionId} attempt {missing[0].Attempt}";

        foreach (var item in offered)
        {
            if (!byKey.TryGetValue((item.QuestionId, item.Attempt), out var was))
                return $"{item.QuestionId} attempt {item.Attempt} is new; the recorded sweep did not have it";
            if (was.SubmissionHash != item.SubmissionHash)
                return $"the submission for {item.QuestionId} attempt {item.Attempt} changed since the sweep started";
            if (was.PriceUsd != item.PriceUsd || was.Variant != item.Variant)
                return $"task {item.QuestionId} changed (variant or price) since the sweep started";
        }

        return null;
    }
}
