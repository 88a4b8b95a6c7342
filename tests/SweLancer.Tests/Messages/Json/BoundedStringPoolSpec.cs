using SweLancer.Messages.Json;
using Xunit;

namespace SweLancer.Tests.Messages.Json;

public sealed class BoundedStringPoolSpec
{
    [Fact]
    public void Equal_strings_come_back_as_one_instance()
    {
        var pool = new BoundedStringPool(capacity: 4);

        var first = pool.Share("selected proposal 2, merged was 1".AsSpan());
        var second = pool.Share("selected proposal 2, merged was 1".ToCharArray());

        Assert.Same(first, second);
        Assert.Equal(1, pool.Count);
    }

    [Fact]
    public void A_flood_of_unique_values_stops_at_the_capacity_and_every_value_stays_right()
    {
        // A reason that carries the model's own output is unique per attempt: it must not grow the pool without end.
        var pool = new BoundedStringPool(capacity: 3);
        var early = pool.Share("node-a".AsSpan());

        for (var i = 0; i < 10_000; i++)
            Assert.Equal($"unique reason {i}", pool.Share($"unique reason {i}".AsSpan()));

        Assert.Equal(3, pool.Count);
        Assert.Same(early, pool.Share("node-a".AsSpan()));
        Assert.NotSame(pool.Share("unique reason 9999".AsSpan()), pool.Share("unique reason 9999".AsSpan()));
    }

    [Fact]
    public void Readers_racing_on_the_same_values_get_one_instance_each_and_keep_the_bound()
    {
        var pool = new BoundedStringPool(capacity: 50);

        var shared = Enumerable.Range(0, 8).AsParallel()
            .SelectMany(_ => Enumerable.Range(0, 200).Select(i => pool.Share($"value {i % 40}".AsSpan())))
            .GroupBy(s => s)
            .Select(g => g.Distinct(ReferenceEqualityComparer.Instance).Count())
            .ToList();

        Assert.Equal(40, shared.Count);
        Assert.All(shared, instances => Assert.Equal(1, instances));
        Assert.Equal(40, pool.Count);
    }
}
