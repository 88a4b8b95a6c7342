using SweLancer.Domain.Collections;
using Xunit;

namespace SweLancer.Tests.Domain.Collections;

public sealed class LayeredMapSpec
{
    [Fact]
    public void Setting_an_entry_leaves_the_map_it_came_from_as_it_was()
    {
        var bulk = LayeredMap<string, int>.Empty().SetItems(new Dictionary<string, int> { ["a"] = 1, ["b"] = 2 });

        var changed = bulk.SetItem("a", 10).SetItem("c", 3);

        Assert.Equal([("a", 1), ("b", 2)], Entries(bulk));
        Assert.Equal([("a", 10), ("b", 2), ("c", 3)], Entries(changed));
        Assert.Equal((2, 3), (bulk.Count, changed.Count));
        Assert.False(bulk.ContainsKey("c"));
        Assert.Equal(10, changed["a"]);
    }

    [Fact]
    public void An_entry_set_over_the_bulk_layer_is_counted_once_and_listed_once()
    {
        var bulk = LayeredMap<string, int>.Empty().SetItems(new Dictionary<string, int> { ["a"] = 1 });

        var map = bulk.SetItems(new Dictionary<string, int> { ["a"] = 2, ["b"] = 1 }).SetItem("a", 3).SetItem("b", 4);

        Assert.Equal(2, map.Count);
        Assert.Equal([("a", 3), ("b", 4)], Entries(map));
    }

    [Fact]
    public void The_comparer_given_to_the_empty_map_decides_which_keys_are_the_same()
    {
        var map = LayeredMap<string, int>.Empty(StringComparer.OrdinalIgnoreCase).SetItem("Q1", 1).SetItem("q1", 2);

        Assert.Equal(("q1", 2), Assert.Single(map.Select(e => (e.Key, e.Value))));
        Assert.Equal(2, map["Q1"]);
    }

    [Fact]
    public void A_missing_key_is_refused_with_its_name()
    {
        var map = LayeredMap<string, int>.Empty().SetItem("a", 1);

        var error = Assert.Throws<KeyNotFoundException>(() => map["zz-missing"]);
        Assert.Contains("zz-missing", error.Message);
        Assert.Equal(0, map.GetValueOrDefault("zz-missing"));
    }

    [Fact]
    public void Random_changes_read_back_as_a_plain_dictionary_would()
    {
        var random = new Random(13);
        for (var round = 0; round < 50; round++)
        {
            var bulk = new Dictionary<int, int>();
            for (var i = random.Next(0, 40); i > 0; i--)
                bulk[random.Next(60)] = random.Next();
            var expected = new Dictionary<int, int>(bulk);
            var map = LayeredMap<int, int>.Empty().SetItems(new Dictionary<int, int>(bulk));
            var versions = new List<(LayeredMap<int, int> Map, Dictionary<int, int> Expected)> { (map, new(expected)) };

            for (var step = 0; step < 40; step++)
            {
                var (key, value) = (random.Next(60), random.Next());
                if (random.Next(3) == 0)
                {
                    var batch = new Dictionary<int, int> { [key] = value, [random.Next(60)] = value + 1 };
                    map = map.SetItems(batch);
                    foreach (var (k, v) in batch)
                        expected[k] = v;
                }
                else
                {
                    map = map.SetItem(key, value);
                    expected[key] = value;
                }

                versions.Add((map, new(expected)));
            }

            // Every version still reads as it did when it was made.
            foreach (var (version, then) in versions)
            {
                Assert.Equal(then.Count, version.Count);
                Assert.Equal(then.OrderBy(e => e.Key), version.OrderBy(e => e.Key));
                Assert.All(Enumerable.Range(0, 60), k => Assert.Equal(then.ContainsKey(k), version.ContainsKey(k)));
            }
        }
    }

    private static List<(string, int)> Entries(LayeredMap<string, int> map) =>
        map.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => (e.Key, e.Value)).ToList();
}
