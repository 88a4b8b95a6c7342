using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using SweLancer.Messages.Telemetry;

namespace SweLancer.GraderNode.Containers;

/// <summary>
/// <c>swelancer.container.slots</c>: every live container pool's slots, split by state: <c>used</c> (leased to an
/// attempt or starting), <c>idle</c> (a pre-warmed container waiting) and <c>free</c> (no container). The three add up
/// to the pool's size.
/// </summary>
public static class ContainerSlotGauge
{
    private static readonly ConcurrentDictionary<ContainerPool, byte> Pools = new();

    static ContainerSlotGauge()
    {
        SweLancerTelemetry.Meter.CreateObservableUpDownCounter("swelancer.container.slots", Observe, "{slot}",
            "Container pool slots on this node by state: used, idle (pre-warmed) or free.");
    }

    public static void Track(ContainerPool pool) => Pools[pool] = 0;

    public static void Untrack(ContainerPool pool) => Pools.TryRemove(pool, out _);

    private static IEnumerable<Measurement<int>> Observe()
    {
        foreach (var pool in Pools.Keys)
        {
            var (used, idle, free) = pool.SlotUsage();
            var node = new KeyValuePair<string, object?>(TelemetryTags.Node, pool.Options.NodeId);
            yield return new Measurement<int>(used, node, new(TelemetryTags.SlotState, "used"));
            yield return new Measurement<int>(idle, node, new(TelemetryTags.SlotState, "idle"));
            yield return new Measurement<int>(free, node, new(TelemetryTags.SlotState, "free"));
        }
    }
}
