using SweLancer.Domain.Collections;
using Xunit;

namespace SweLancer.Tests.Domain.Collections;

public sealed class FixedKeyMapSpec
{
    [Fact]
    public void Random_changes_read_back_as_a_plain_dictionary_would_in_every_version()
    {
        var random = new Random(13);
        for (var round = 0; round < 50; round++)
        {
            var keyCount = random.Next(1, 200);
            var keys = Enumerable.Range(0, keyCount).Select(k => $"k{k}").ToList();
            var map = FixedKeyMap<string, int>.Over(keys, StringComparer.Ordinal);
            var expected = new Dictionary<string, int>();
            var versions = new List<(FixedKeyMap<string, int> Map, Dictionary<string, int> Expected)> { (map, new(expected)) };

            for (var step = 0; step < 60; step++)
            {
                if (random.Next(4) == 0)
                {
                    // Sometimes many at once (the one-pass copy), sometimes a few (path copies).
                    var batch = new Dictionary<string, int>();
                    for (var i = random.Next(1, keyCount + 1); i > 0; i--)
                        batch[keys[random.Next(keyCount)]] = random.Next();
                    map = map.SetItems(batch);
                    foreach (var (k, v) in batch)
                        expected[k] = v;
                }
                else
                {
                    var (key, value) = (keys[random.Next(keyCount)], random.Next());
                    map = map.SetItem(key, value);
                    expected[key] = value;
                }

                versions.Add((map, new(expected)));
            }

            foreach (var (version, then) in versions)
            {
                Assert.Equal(then.Count, version.Count);
                // Entries come in the order the keys were given.
                Assert.Equal(keys.Where(then.ContainsKey).Select(k => KeyValuePair.Create(k, then[k])), version);
                Assert.All(keys, k => Assert.Equal(then.ContainsKey(k), version.ContainsKey(k)));
            }
        }
    }

    [Fact]
    public void A_key_outside_the_set_is_never_present_and_cannot_be_set()
    {
        var map = FixedKeyMap<string, int>.Over(["a", "b", "a"]).SetItem("a", 1);

        Assert.True(map.IsKey("b"));
        Assert.False(map.ContainsKey("b"));
        Assert.False(map.IsKey("z"));
        Assert.False(map.TryGetValue("z", out _));
        var refused = Assert.Throws<ArgumentException>(() => map.SetItem("z", 1));
        Assert.Contains("z is not one of the map's keys", refused.Message);
        Assert.Throws<ArgumentException>(() => map.SetItems(new Dictionary<string, int> { ["a"] = 2, ["b"] = 3, ["z"] = 4 }));
        Assert.Equal([KeyValuePair.Create("a", 1)], map);
    }

    [Fact]
    public void Setting_a_key_again_replaces_its_value_and_keeps_the_count()
    {
        var map = FixedKeyMap<string, int>.Over(["a", "b"], StringComparer.OrdinalIgnoreCase).SetItem("a", 1);

        var again = map.SetItem("A", 2);

        Assert.Equal((1, 2, 1), (again.Count, again["a"], map["a"]));
        Assert.Throws<KeyNotFoundException>(() => again["b"]);
    }
}
