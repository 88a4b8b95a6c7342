namespace SweLancer.GraderNode.Containers;

/// <summary>How to tell that a started container is ready for grading (kept apart from the container, as testcontainers does).</summary>
public interface IReadinessStrategy
{
    /// <summary>Returns once ready.</summary>
    /// <exception cref="InfrastructureException">Not ready within the budget, or the container stopped: never the model's fault.</exception>
    Task WaitAsync(ContainerLease container, CancellationToken cancellation);
}
