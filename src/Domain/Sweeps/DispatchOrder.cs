namespace SweLancer.Domain.Sweeps;

/// <summary>The order a sweep hands its tasks to the graders; the attempts of a task always go out together.</summary>
public enum DispatchOrder
{
    /// <summary>As the task pool lists them.</summary>
    Plan,

    /// <summary>Highest price first: the dollars that matter most are known first.</summary>
    Price,

    /// <summary>
    /// Random within each variant and price band, the bands interleaved in proportion, so every prefix of the sweep is a
    /// fair sample and the live estimate converges early. Seeded by the sweep id, so a resumed sweep keeps its order.
    /// </summary>
    Stratified,
}
