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

    public override byte[] ToBinary(object obj) => JsonSerializer.SerializeToUtf8Bytes(obj, obj.GetType(), Options);

    public override object FromBinary(byte[] bytes, string manifest) =>
        JsonSerializer.Deserialize(bytes, MessageManifests.TypeOf(manifest), Options)
        ?? throw new System.Runtime.Serialization.SerializationException($"Empty payload for manifest '{manifest}'.");
}
