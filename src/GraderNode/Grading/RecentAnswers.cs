using System.Collections.Concurrent;
using SweLancer.Messages.Events;

namespace SweLancer.GraderNode.Grading;

/// <summary>
/// A node's most recent final answers, by grading entity id. A sweep resends an attempt only while it is in flight (it
/// was answered but the answer not yet persisted, and the coordinator or a node was lost), so a bounded memory of the
/// newest answers is enough to answer such a copy without grading it twice; the entity itself need not outlive its answer.
/// </summary>
public sealed class RecentAnswers(int capacity)
{
    /// <summary>Far above any in-flight window a coordinator keeps (its --max-in-flight), at well under 1 KB an answer.</summary>
    public const int DefaultCapacity = 20_000;

    private readonly ConcurrentDictionary<string, TaskGraded> _answers = new();
    private readonly ConcurrentQueue<string> _order = new();

    public RecentAnswers() : this(DefaultCapacity)
    {
    }

    public int Count => _answers.Count;

    public bool TryGet(string entityId, out TaskGraded answer) => _answers.TryGetValue(entityId, out answer!);

    /// <summary>Keeps a final answer, forgetting the oldest beyond the capacity.</summary>
    public void Remember(string entityId, TaskGraded answer)
    {
        if (!_answers.TryAdd(entityId, answer))
            return; // a second grading of the same attempt: the first answer stays the one given out
        _order.Enqueue(entityId);
        while (_order.Count > capacity && _order.TryDequeue(out var oldest))
            _answers.TryRemove(oldest, out _);
    }
}
