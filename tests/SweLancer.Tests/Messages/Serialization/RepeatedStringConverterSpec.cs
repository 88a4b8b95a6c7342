using SweLancer.Messages.Events;
using SweLancer.Messages.Json;
using Xunit;
using static SweLancer.Tests.TestData;

namespace SweLancer.Tests.Messages.Serialization;

public sealed class RepeatedStringConverterSpec
{
    private static TaskGraded RoundTrip(TaskGraded graded) => JsonRoundTrip.Of(graded);

    [Fact]
    public void Results_read_back_share_their_repeated_fields()
    {
        var first = RoundTrip(Graded("q1", GradeOutcome.Failed, 250m) with { Reason = "selected proposal 2, merged was 1", GraderNode = "akka.tcp://swelancer@10.0.0.7:4053" });
        var second = RoundTrip(Graded("q2", GradeOutcome.Failed, 500m) with { Reason = "selected proposal 2, merged was 1", GraderNode = "akka.tcp://swelancer@10.0.0.7:4053" });

        Assert.Equal("selected proposal 2, merged was 1", first.Reason);
        Assert.Same(first.Reason, second.Reason);
        Assert.Same(first.GraderNode, second.GraderNode);
        Assert.Same(first.SweepId, second.SweepId);
        Assert.Same(first.Variant, second.Variant);
        Assert.Equal(["q1", "q2"], new[] { first.QuestionId, second.QuestionId });
    }

    [Fact]
    public void Escaped_and_non_ascii_text_reads_back_unchanged()
    {
        const string reason = "naïve \"quoted\"\tline\nbreak \u0001 ✓ 😀 \\ end";

        var back = RoundTrip(Graded("q1", GradeOutcome.Failed, 1m) with { Reason = reason });

        Assert.Equal(reason, back.Reason);
    }

    [Fact]
    public void A_long_reason_reads_back_whole_and_unpooled()
    {
        var reason = string.Concat(Enumerable.Repeat("é\"x", RepeatedStringConverter.MaxPooledLength));

        var first = RoundTrip(Graded("q1", GradeOutcome.Failed, 1m) with { Reason = reason });
        var second = RoundTrip(Graded("q2", GradeOutcome.Failed, 1m) with { Reason = reason });

        Assert.Equal(reason, first.Reason);
        Assert.NotSame(first.Reason, second.Reason);
    }

    [Fact]
    public void A_string_of_escapes_at_the_pooled_limit_reads_back_unchanged_and_shared()
    {
        // 42 control characters written as six-byte escapes plus four letters: 256 bytes, the longest value pooled.
        var reason = new string('\u0001', 42) + "abcd";

        var first = RoundTrip(Graded("q1", GradeOutcome.Failed, 1m) with { Reason = reason });
        var second = RoundTrip(Graded("q2", GradeOutcome.Failed, 1m) with { Reason = reason });

        Assert.Equal(reason, first.Reason);
        Assert.Same(first.Reason, second.Reason);
    }
}
