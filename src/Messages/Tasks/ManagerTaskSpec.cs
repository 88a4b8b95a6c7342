namespace SweLancer.Messages.Tasks;

/// <summary>What grading a manager task needs: the proposal that was actually merged, and the candidates.</summary>
/// <param name="CorrectProposalId">Id of the proposal that was merged (ids are compared as text).</param>
/// <param name="ProposalIds">Ids of every formal proposal the model could choose from.</param>
public sealed record ManagerTaskSpec(string CorrectProposalId, IReadOnlyList<string> ProposalIds);
