using System.Text.Json;
using System.Text.Json.Serialization;
using Akka.Actor;
using Akka.Serialization;

namespace SweLancer.Messages.Serialization;

/// <summary>JSON with snake_case names under the versioned manifests of <see cref="MessageManifests"/>.</summary>
public sealed class SweLancerSerializer(ExtendedActorSystem system) : SerializerWithStringManifest(system)
{
    /// <summary>Akka reserves ids below 100; this one is the project's.</summary>
    public const int SerializerId = 4_117;

    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public override int Identifier => SerializerId;

    public override string Manifest(object o) => MessageManifests.NameOf(o.GetType());

    /// <remarks>
    /// Through a stream rather than <see cref="JsonSerializer.SerializeToUtf8Bytes(object?, Type, JsonSerializerOptions?)"/>:
    /// that one grows its buffer in the shared ArrayPool, which then keeps every doubling of it (1, 2, 4 … 32 MB for a
    /// 100,000-task snapshot) on each thread that ever wrote one. The stream path rents only small flush buffers, and a
    /// large payload's growth is ordinary garbage.
    /// </remarks>
    public override byte[] ToBinary(object obj)
    {
        using var buffer = new MemoryStream();
        JsonSerializer.Serialize(buffer, obj, obj.GetType(), Options);
        return buffer.ToArray();
    }

    public override object FromBinary(byte[] bytes, string manifest) =>
        JsonSerializer.Deserialize(bytes, MessageManifests.TypeOf(manifest), Options)
        ?? throw new System.Runtime.Serialization.SerializationException($"Empty payload for manifest '{manifest}'.");
}
