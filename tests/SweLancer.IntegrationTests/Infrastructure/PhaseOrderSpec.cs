using Xunit;

namespace SweLancer.IntegrationTests.Infrastructure;

/// <summary>The phases of a class run in their declared order whatever their names, which is what the cluster phases rely on.</summary>
[TestCaseOrderer(typeof(PhaseOrder))]
public sealed class PhaseOrderSpec
{
    private static readonly List<int> Ran = [];

    [Fact, Phase(2)]
    public void A_second_runs_after_the_first()
    {
        Assert.Equal([1], Ran);
        Ran.Add(2);
    }

    [Fact, Phase(3)]
    public void A_phase_named_first_alphabetically_still_runs_third()
    {
        Assert.Equal([1, 2], Ran);
        Ran.Add(3);
    }

    [Fact, Phase(1)]
    public void Zz_the_first_runs_first()
    {
        Assert.Empty(Ran);
        Ran.Add(1);
    }
}
