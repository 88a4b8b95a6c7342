using SweLancer.Coordinator.Hosting;
using Xunit;

namespace SweLancer.Tests.Coordinator.Hosting;

public sealed class CoordinatorRolesSpec
{
    [Theory]
    [InlineData("coordinator", false)]
    [InlineData("coordinator,grader", true)]
    [InlineData(" Grader , COORDINATOR ", true)]
    public void The_coordinator_role_may_also_grade(string raw, bool alsoGrades)
    {
        var roles = CoordinatorRoles.Parse(raw);
        Assert.Equal(alsoGrades, roles.AlsoGrades);
        Assert.Equal(alsoGrades ? ["coordinator", "grader"] : ["coordinator"], roles.Names);
    }

    [Theory]
    [InlineData("grader", "always has the 'coordinator' role")]
    [InlineData("", "always has the 'coordinator' role")]
    [InlineData("coordinator,ledger", "unknown role 'ledger'")]
    public void Bad_role_lists_are_named(string raw, string problem)
    {
        var error = Assert.Throws<ArgumentException>(() => CoordinatorRoles.Parse(raw));
        Assert.Contains(problem, error.Message);
        Assert.Contains($"--roles '{raw}'", error.Message);
    }
}
