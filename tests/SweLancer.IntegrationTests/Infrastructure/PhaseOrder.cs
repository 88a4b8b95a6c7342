using System.Reflection;
using Xunit.Sdk;
using Xunit.v3;

namespace SweLancer.IntegrationTests.Infrastructure;

/// <summary>The step of a test in a class whose tests share one cluster and must run in a given order.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PhaseAttribute(int order) : Attribute
{
    public int Order { get; } = order;
}

/// <summary>Runs a class's tests by their <see cref="PhaseAttribute"/>, lowest first; tests without one run last.</summary>
public sealed class PhaseOrder : ITestCaseOrderer
{
    public IReadOnlyCollection<TTestCase> OrderTestCases<TTestCase>(IReadOnlyCollection<TTestCase> testCases) where TTestCase : notnull, ITestCase =>
        testCases.OrderBy(t => t is IXunitTestCase x ? x.TestMethod.Method.GetCustomAttribute<PhaseAttribute>()?.Order ?? int.MaxValue : int.MaxValue)
            .ToList();
}
