using SweLancer.Domain.Sweeps;
using SweLancer.Messages.Sweeps;
using SweLancer.Messages.Tasks;
using Xunit;

namespace SweLancer.Tests.Domain.Sweeps;

public sealed class DispatchOrderingSpec
{
    private static PlannedItem Item(string id, decimal price, int attempt = 1, string variant = TaskVariants.SweManager) => new(id, attempt, variant, price, null);

    private static readonly PlannedItem[] Plan =
    [
        Item("a", 100m), Item("b", 4000m), Item("b", 4000m, 2), Item("c", 800m), Item("d", 4000m),
    ];

    [Fact]
    public void Plan_order_is_the_pool_order() =>
        Assert.Equal(Plan, DispatchOrdering.Arrange(Plan, DispatchOrder.Plan, "s1"));

    [Fact]
    public void Price_order_puts_the_dearest_first_keeps_ties_in_plan_order_and_attempts_together() =>
        Assert.Equal([("b", 1), ("b", 2), ("d", 1), ("c", 1), ("a", 1)],
            DispatchOrdering.Arrange(Plan, DispatchOrder.Price, "s1").Select(i => (i.QuestionId, i.Attempt)));

    [Fact]
    public void Stratified_order_makes_every_prefix_a_proportional_sample_and_is_the_same_on_resume()
    {
        // 30 cheap manager tasks, 10 dear manager tasks, 20 IC tasks: 3 : 1 : 2.
        var plan = Enumerable.Range(0, 30).Select(i => Item($"cheap-{i}", 100m))
            .Concat(Enumerable.Range(0, 10).Select(i => Item($"dear-{i}", 6000m)))
            .Concat(Enumerable.Range(0, 20).Select(i => Item($"ic-{i}", 1000m, variant: TaskVariants.IcSwe)))
            .ToList();

        var arranged = DispatchOrdering.Arrange(plan, DispatchOrder.Stratified, "sweep-x");

        Assert.Equal(plan.OrderBy(i => i.QuestionId), arranged.OrderBy(i => i.QuestionId));
        Assert.Equal(arranged, DispatchOrdering.Arrange(plan, DispatchOrder.Stratified, "sweep-x"));
        Assert.NotEqual(arranged, DispatchOrdering.Arrange(plan, DispatchOrder.Stratified, "sweep-y"));
        foreach (var prefix in new[] { 6, 12, 30 })
        {
            var first = arranged.Take(prefix).ToList();
            // Within one task of its share of the pool, for every stratum.
            Assert.InRange(first.Count(i => i.QuestionId.StartsWith("cheap")), prefix / 2 - 1, prefix / 2 + 1);
            Assert.InRange(first.Count(i => i.QuestionId.StartsWith("dear")), prefix / 6 - 1, prefix / 6 + 1);
            Assert.InRange(first.Count(i => i.QuestionId.StartsWith("ic")), prefix / 3 - 1, prefix / 3 + 1);
        }

        // Random within a stratum: not the pool's order.
        Assert.NotEqual(plan.Where(i => i.QuestionId.StartsWith("cheap")), arranged.Where(i => i.QuestionId.StartsWith("cheap")));
    }

    [Theory]
    [InlineData("plan", DispatchOrder.Plan)]
    [InlineData(" Price ", DispatchOrder.Price)]
    [InlineData("STRATIFIED", DispatchOrder.Stratified)]
    public void Names_parse(string text, DispatchOrder expected) => Assert.Equal(expected, DispatchOrdering.Parse(text));

    [Fact]
    public void Unknown_names_do_not_parse() => Assert.Null(DispatchOrdering.Parse("value"));

}
