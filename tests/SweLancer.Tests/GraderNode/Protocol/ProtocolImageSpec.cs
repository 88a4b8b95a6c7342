using SweLancer.GraderNode.Protocol;
using Xunit;

namespace SweLancer.Tests.GraderNode.Protocol;

public sealed class ProtocolImageSpec
{
    [Fact]
    public void Per_task_mode_uses_the_official_image_of_the_task() =>
        Assert.Equal("swelancer/swelancer_x86_16912_4:releasev1", ProtocolImage.For("16912_4", ImageMode.PerTask, null));

    [Fact]
    public void Monolith_mode_uses_one_image() =>
        Assert.Equal("swelancer/swelancer_x86_monolith:releasev1", ProtocolImage.For("16912_4", ImageMode.Monolith, null));

    [Fact]
    public void A_template_substitutes_the_question_id() =>
        Assert.Equal("mirror.local:5000/sl_16912_4:v1", ProtocolImage.For("16912_4", ImageMode.PerTask, "mirror.local:5000/sl_{question_id}:v1"));

    [Fact]
    public void A_per_task_template_without_the_placeholder_is_refused()
    {
        Assert.Contains("lacks {question_id}", ProtocolImage.Problem("mirror/one:v1", ImageMode.PerTask));
        Assert.Null(ProtocolImage.Problem("mirror/one:v1", ImageMode.Monolith));
        Assert.NotNull(ProtocolImage.Problem("a b", ImageMode.Monolith));
    }
}
