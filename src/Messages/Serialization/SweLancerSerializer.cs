using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Serialization;
using Akka.Actor;
using Akka.Serialization;
using Microsoft.IO;
using SweLancer.Messages.Sweeps;

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

    // Blocks under the large-object threshold (85,000 bytes), and a bounded pool of free ones.
    private static readonly RecyclableMemoryStreamManager Buffers = new(new RecyclableMemoryStreamManager.Options
    {
        BlockSize = 64 * 1024,
        MaximumSmallPoolFreeBytes = 16 * 1024 * 1024,
    });

    /// <remarks>
    /// Through a pooled stream of small blocks rather than
    /// <see cref="JsonSerializer.SerializeToUtf8Bytes(object?, Type, JsonSerializerOptions?)"/> or a MemoryStream: the
    /// first grows its buffer in the shared ArrayPool, which then keeps every doubling of it (1, 2, 4 … 32 MB for a
    /// 100,000-task snapshot) on each thread that ever wrote one; the second leaves each doubling behind on the
    /// large-object heap, which is collected only with gen2 and not compacted. Now the only large array is the result.
    /// </remarks>
    public override byte[] ToBinary(object obj)
    {
        using var buffer = Buffers.GetStream(nameof(SweLancerSerializer));
        if (IsCompressed(obj))
        {
            using var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true);
            if (obj is LedgerRowsSnapshot)
            {
                // Its rows are written by one converter, which JsonSerializer cannot flush part way: the whole JSON would
                // grow in one buffer. The converter flushes every thousand rows, which reaches the stream only through a
                // writer over it.
                using var writer = new Utf8JsonWriter(gzip);
                JsonSerializer.Serialize(writer, obj, obj.GetType(), Options);
            }
            else
            {
                JsonSerializer.Serialize(gzip, obj, obj.GetType(), Options);
            }
        }
        else
        {
            JsonSerializer.Serialize(buffer, obj, obj.GetType(), Options);
        }

        return buffer.ToArray();
    }

    /// <remarks>Snapshots written before they were compressed are plain JSON, which never starts with gzip's magic bytes.</remarks>
    public override object FromBinary(byte[] bytes, string manifest)
    {
        var type = MessageManifests.TypeOf(manifest);
        object? payload;
        if (bytes is [0x1f, 0x8b, ..])
        {
            using var gzip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
            payload = JsonSerializer.Deserialize(gzip, type, Options);
        }
        else
        {
            payload = JsonSerializer.Deserialize(bytes, type, Options);
        }

        return payload ?? throw new System.Runtime.Serialization.SerializationException($"Empty payload for manifest '{manifest}'.");
    }

    /// <summary>
    /// Snapshots hold a whole sweep (70 MB of JSON at 100,000 tasks) and compress about tenfold: the blob that the
    /// journal's database copies, and that recovery reads, shrinks with it. Events stay plain JSON, one small row each.
    /// </summary>
    private static bool IsCompressed(object obj) => obj is SweepSnapshot or SweepMarksSnapshot or LedgerSnapshot or LedgerRowsSnapshot;
}
