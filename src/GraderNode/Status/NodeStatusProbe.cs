using SweLancer.GraderNode.Grading;
using SweLancer.GraderNode.Ic;
using SweLancer.Messages.Nodes;

namespace SweLancer.GraderNode.Status;

/// <summary>Reads a node's container and browser pools from the runners its grader was built with.</summary>
public static class NodeStatusProbe
{
    public static NodeStatus Read(string nodeId, TaskGrader grader, int? gradingEntities, DateTimeOffset now)
    {
        foreach (var runner in grader.Runners)
        {
            switch (runner)
            {
                case IcTaskRunner ic:
                    var (_, warm, free) = ic.Pool.SlotUsage();
                    return new NodeStatus(nodeId, Use(ic.Pool.Options.Slots, free, warm), ic.Browsers.State, gradingEntities, null, now, ic.Pool.HeldImages());
                case DockerUnavailableRunner unavailable:
                    return new NodeStatus(nodeId, null, "unavailable", gradingEntities, unavailable.Problem, now);
            }
        }

        return new NodeStatus(nodeId, null, "unavailable", gradingEntities, "this node has no ic_swe runner", now);
    }

    /// <summary>Leased is what is neither free nor warm: containers lent to attempts, and ones still starting.</summary>
    public static ContainerPoolUse Use(int slots, int free, int warm)
    {
        free = Math.Clamp(free, 0, slots);
        warm = Math.Clamp(warm, 0, slots - free);
        return new ContainerPoolUse(slots, slots - free - warm, warm, free);
    }
}
