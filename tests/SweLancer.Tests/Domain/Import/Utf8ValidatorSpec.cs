using System.Text;
using SweLancer.Domain.Import;
using Xunit;

namespace SweLancer.Tests.Domain.Import;

/// <summary>
/// The validator checks a well-formed chunk in one vectorized call and walks byte by byte only through a chunk that is
/// not; either way a malformed sequence must be placed exactly, however the input was cut into chunks.
/// </summary>
public class Utf8ValidatorSpec
{
    private static readonly string[] Pieces = ["plain ascii", "café", "€uro", "𝄞 clef", "\n", "\r\n", "{\"a\": 1}", "ß"];
    private static readonly byte[][] Malformed = [[0xFF], [0x80], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82]];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void A_malformed_sequence_is_placed_at_the_same_line_and_byte_however_the_input_is_chunked(int seed)
    {
        var random = new Random(seed);
        for (var round = 0; round < 200; round++)
        {
            var before = Text(random);
            var bad = Malformed[random.Next(Malformed.Length)];
            var bytes = before.Concat(bad).Concat(Text(random)).ToArray();

            var error = Chunked(bytes, random);

            Assert.NotNull(error);
            Assert.Equal(before.Length, error.Offset);
            Assert.Equal(before.Count(b => b == (byte)'\n') + 1, error.Line);
            Assert.Equal(before.Length - (Array.LastIndexOf(before, (byte)'\n') + 1), error.OffsetInLine);
            Assert.Equal(bad[0], error.Bytes[0]);
        }
    }

    [Fact]
    public void Well_formed_text_passes_in_any_chunks_even_when_a_chunk_ends_inside_a_character()
    {
        var random = new Random(7);
        for (var round = 0; round < 200; round++)
            Assert.Null(Chunked(Text(random), random));
    }

    [Fact]
    public void A_character_cut_off_by_the_end_of_the_input_is_malformed()
    {
        var validator = new Utf8Validator();
        Assert.True(validator.Feed(Encoding.UTF8.GetBytes("line\nca")));
        Assert.True(validator.Feed(new byte[] { 0xC3 }));
        Assert.False(validator.Finish());
        Assert.Equal((7L, 2, 2L), (validator.Error!.Offset, validator.Error.Line, validator.Error.OffsetInLine));
    }

    private static byte[] Text(Random random) =>
        Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, random.Next(0, 60)).Select(_ => Pieces[random.Next(Pieces.Length)])));

    private static Utf8Error? Chunked(byte[] bytes, Random random)
    {
        var validator = new Utf8Validator();
        for (var at = 0; at < bytes.Length;)
        {
            var size = Math.Min(bytes.Length - at, random.Next(1, 40));
            if (!validator.Feed(bytes.AsSpan(at, size)))
                return validator.Error;
            at += size;
        }
        return validator.Finish() ? null : validator.Error;
    }
}
