using SweLancer.Domain.Collections;
using Xunit;

namespace SweLancer.Tests.Domain.Collections;

public sealed class PersistentArraySpec
{
    // Lengths around each level's edge: one leaf (32), two levels (1,024), three (32,768).
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(32)]
    [InlineData(33)]
    [InlineData(1024)]
    [InlineData(1025)]
    [InlineData(40_000)]
    public void Every_version_reads_as_a_plain_array_copied_at_that_step_would(int length)
    {
        var random = new Random(length);
        var start = Enumerable.Range(0, length).Select(_ => random.Next()).ToArray();
        var array = PersistentArray<int>.Of(start);
        var versions = new List<(PersistentArray<int> Array, int[] Expected)> { (array, [.. start]) };
        var expected = start.ToArray();

        for (var step = 0; step < Math.Min(200, length * 3); step++)
        {
            var (index, value) = (random.Next(length), random.Next());
            array = array.SetItem(index, value);
            expected[index] = value;
            versions.Add((array, [.. expected]));
        }

        foreach (var (version, then) in versions)
        {
            Assert.Equal(length, version.Length);
            Assert.Equal(then, version.ToArray());
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(31)]
    [InlineData(5000)]
    public void A_new_array_holds_defaults_and_its_unset_parts_stay_default_as_others_are_set(int length)
    {
        var empty = PersistentArray<long>.OfLength(length);
        var set = length == 0 ? empty : empty.SetItem(length - 1, 7).SetItem(0, 3);

        Assert.All(empty.ToArray(), v => Assert.Equal(0, v));
        Assert.Equal(length, set.Length);
        Assert.Equal(length == 0 ? 0 : length == 1 ? 3 : 10, set.ToArray().Sum());
    }

    [Fact]
    public void An_index_outside_the_array_is_refused_with_its_length()
    {
        var array = PersistentArray<int>.OfLength(40);

        var read = Assert.Throws<ArgumentOutOfRangeException>(() => array[40]);
        var write = Assert.Throws<ArgumentOutOfRangeException>(() => array.SetItem(-1, 1));

        Assert.Contains("40 elements", read.Message);
        Assert.Contains("40 elements", write.Message);
    }
}
