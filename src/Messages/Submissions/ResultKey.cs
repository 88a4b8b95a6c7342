namespace SweLancer.Messages.Submissions;

/// <summary>The identity of one graded result within a sweep: a task and one attempt at it.</summary>
public readonly record struct ResultKey(string QuestionId, int Attempt)
{
    public override string ToString() => $"{QuestionId}#{Attempt}";
}
