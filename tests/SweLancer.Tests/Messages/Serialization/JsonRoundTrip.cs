using System.Text.Json;
using SweLancer.Messages.Serialization;

namespace SweLancer.Tests.Messages.Serialization;

/// <summary>A value written and read back with the project's JSON options, as the journal and the snapshots do.</summary>
internal static class JsonRoundTrip
{
    public static T Of<T>(T value) =>
        JsonSerializer.Deserialize<T>(JsonSerializer.SerializeToUtf8Bytes(value, SweLancerSerializer.Options), SweLancerSerializer.Options)!;
}
