using System.Collections.Immutable;
using System.Runtime.InteropServices;
using SweLancer.Domain.Collections;
using SweLancer.Messages.Events;
using SweLancer.Messages.Sweeps;

namespace SweLancer.Domain.Ledger;

/// <summary>
/// <see cref="LedgerSummary"/> kept up to date one result at a time, by <see cref="TaskResult"/>'s rule: reading it
/// costs the number of variants, not the number of results, so a live display polled twice a second stays cheap at any
/// size. Immutable like the sweep state that holds it; each result replaces one task's marks and one variant's counts.
/// </summary>
public sealed class TaskTally
{
    private readonly PlanIndex _plan;
    private readonly FixedKeyMap<string, TaskMarks> _marks;
    private readonly ImmutableSortedDictionary<string, VariantSummary> _variants;
    private readonly int _attemptsGraded;

    private TaskTally(PlanIndex plan, FixedKeyMap<string, TaskMarks> marks,
        ImmutableSortedDictionary<string, VariantSummary> variants, int attemptsGraded)
    {
        _plan = plan;
        _marks = marks;
        _variants = variants;
        _attemptsGraded = attemptsGraded;
    }

    /// <summary>A plan with nothing graded yet.</summary>
    public static TaskTally Of(IReadOnlyList<PlannedItem> plan)
    {
        var index = PlanIndex.Of(plan);
        var variants = index.Tasks.Values.GroupBy(t => t.Variant, StringComparer.Ordinal)
            .ToImmutableSortedDictionary(g => g.Key,
                g => new VariantSummary(g.Count(), 0, 0, 0, 0, 0m, g.Sum(t => t.PriceUsd)), StringComparer.Ordinal);
        return new TaskTally(index, FixedKeyMap<string, TaskMarks>.Over(index.Tasks.Keys, StringComparer.Ordinal), variants, 0);
    }

    /// <summary>
    /// Counts one result. The caller gives each planned (question_id, attempt) at most once, as the sweep state does;
    /// a result for a task outside the plan changes nothing.
    /// </summary>
    public TaskTally Add(TaskGraded graded) => Add(graded.QuestionId, graded.Outcome);

    /// <inheritdoc cref="Add(TaskGraded)"/>
    public TaskTally Add(string questionId, GradeOutcome outcome) => AddAll([(questionId, outcome)]);

    /// <summary>
    /// Counts results in order, into plain collections set over the tally's at the end: a recovered sweep counts every
    /// result it holds at once (its marks then set in one copy), a running sweep one at a time.
    /// </summary>
    public TaskTally AddAll(IEnumerable<(string QuestionId, GradeOutcome Outcome)> results)
    {
        // Only what the results change: the rest is read from the tally's own collections.
        var marks = new Dictionary<string, TaskMarks>(StringComparer.Ordinal);
        var variants = new Dictionary<string, VariantSummary>(StringComparer.Ordinal);
        var attemptsGraded = _attemptsGraded;
        foreach (var (questionId, outcome) in results)
        {
            if (!_plan.Tasks.TryGetValue(questionId, out var task))
                continue;
            ref var marked = ref CollectionsMarshal.GetValueRefOrAddDefault(marks, questionId, out var seen);
            var before = seen ? marked : _marks.GetValueOrDefault(questionId);
            marked = before.With(outcome);
            ref var variant = ref CollectionsMarshal.GetValueRefOrAddDefault(variants, task.Variant, out var counted);
            if (!counted)
                variant = _variants[task.Variant];
            variant = Count(Count(variant!, task, before.VerdictFor(task), -1), task, marked.VerdictFor(task), +1);
            attemptsGraded++;
        }

        return new TaskTally(_plan, _marks.SetItems(marks), _variants.SetItems(variants), attemptsGraded);
    }

    public LedgerSummary Summary(string sweepId)
    {
        // Already sorted by name, as LedgerSummary.Of's are, and immutable: handed out as it is.
        var all = _variants.Values;
        return new LedgerSummary(sweepId, all.Sum(v => v.Tasks), all.Sum(v => v.Graded), all.Sum(v => v.Passed),
            all.Sum(v => v.Failed), all.Sum(v => v.SystemErrors), all.Sum(v => v.EarnedUsd), all.Sum(v => v.AvailableUsd),
            _variants, _plan.Attempts, _attemptsGraded);
    }

    private static VariantSummary Count(VariantSummary v, PlannedTask task, GradeOutcome? verdict, int sign) => verdict switch
    {
        null => v,
        GradeOutcome.Passed => v with { Graded = v.Graded + sign, Passed = v.Passed + sign, EarnedUsd = v.EarnedUsd + sign * task.PriceUsd },
        GradeOutcome.Failed => v with { Graded = v.Graded + sign, Failed = v.Failed + sign },
        _ => v with { Graded = v.Graded + sign, SystemErrors = v.SystemErrors + sign },
    };

    /// <summary>What one task's graded attempts have shown so far.</summary>
    private readonly record struct TaskMarks(int Graded, bool AnyPassed, bool AnyFailed)
    {
        public TaskMarks With(GradeOutcome outcome) =>
            new(Graded + 1, AnyPassed || outcome == GradeOutcome.Passed, AnyFailed || outcome == GradeOutcome.Failed);

        // TaskResult.Verdict, from the marks instead of the attempts.
        public GradeOutcome? VerdictFor(PlannedTask task) =>
            AnyPassed ? GradeOutcome.Passed
            : Graded < task.PlannedAttempts ? null
            : AnyFailed ? GradeOutcome.Failed
            : GradeOutcome.SystemError;
    }

    private sealed record PlannedTask(string Variant, decimal PriceUsd, int PlannedAttempts);

    // Built once per plan and shared by every tally of it.
    private sealed record PlanIndex(IReadOnlyDictionary<string, PlannedTask> Tasks, int Attempts)
    {
        public static PlanIndex Of(IReadOnlyList<PlannedItem> plan)
        {
            // As TaskResult.Of: a task's variant and price are its first planned item's.
            var tasks = new Dictionary<string, PlannedTask>(StringComparer.Ordinal);
            foreach (var item in plan)
            {
                ref var task = ref CollectionsMarshal.GetValueRefOrAddDefault(tasks, item.QuestionId, out var seen);
                task = seen ? task! with { PlannedAttempts = task.PlannedAttempts + 1 } : new PlannedTask(item.Variant, item.PriceUsd, 1);
            }

            return new PlanIndex(tasks, plan.Count);
        }
    }
}
