using SweLancer.Coordinator.Api;
using Xunit;

namespace SweLancer.Tests.Coordinator.Api;

public sealed class UploadedManifestReferencesSpec
{
    [Theory]
    [InlineData("bug_patch", "../../../etc/shadow")]
    [InlineData("gold_patch", "tasks/../../x.diff")]
    [InlineData("hidden_tests", "../tests")]
    public void A_reference_climbing_out_is_named_with_its_path(string field, string value)
    {
        var json = $$$"""{"tasks": [{"question_id": "m", "variant": "swe_manager"}, {"question_id": "t", "ic": {"{{{field}}}": "{{{value}}}"}}]}""";
        var problem = Assert.Single(UploadedManifestReferences.Problems(json, "pool.json"));
        Assert.StartsWith($"pool.json: $.tasks[1].ic.{field}: an uploaded manifest cannot climb out of its upload (", problem);
    }

    [Theory]
    [InlineData("/srv/pools/fa-101/bug.diff")]
    [InlineData("tasks/fa-101/bug.diff")]
    [InlineData("a..b/bug.diff")]
    public void Absolute_and_non_climbing_references_are_left_to_the_reader(string value) =>
        Assert.Empty(UploadedManifestReferences.Problems($$$"""{"tasks": [{"question_id": "t", "ic": {"bug_patch": "{{{value}}}"}}]}""", "p.json"));

    [Fact]
    public void A_self_contained_manifest_passes() =>
        Assert.Empty(UploadedManifestReferences.Problems("""{"tasks": [{"question_id": "t", "ic": {"image": "i", "test_command": ["/bin/true"]}}]}""", "p.json"));

    [Theory]
    [InlineData("{not json")]
    [InlineData("[]")]
    [InlineData("""{"tasks": 3}""")]
    public void Malformed_manifests_are_left_to_the_reader(string json) => Assert.Empty(UploadedManifestReferences.Problems(json, "p.json"));
}
