using SweLancer.Coordinator.Api;
using Xunit;

namespace SweLancer.Tests.Api;

public sealed class UploadedManifestReferencesSpec
{
    [Theory]
    [InlineData("bug_patch", "../../../etc/shadow")]
    [InlineData("gold_patch", "/etc/shadow")]
    [InlineData("hidden_tests", "tests/t-1")]
    public void Every_file_reference_is_named_with_its_path(string field, string value)
    {
        var json = $$$"""{"tasks": [{"question_id": "m", "variant": "swe_manager"}, {"question_id": "t", "ic": {"{{{field}}}": "{{{value}}}"}}]}""";
        var problem = Assert.Single(UploadedManifestReferences.Problems(json, "pool.json"));
        Assert.StartsWith($"pool.json: $.tasks[1].ic.{field}: an uploaded manifest cannot refer to files (\"{value}\")", problem);
    }

    [Fact]
    public void A_self_contained_manifest_passes() =>
        Assert.Empty(UploadedManifestReferences.Problems("""{"tasks": [{"question_id": "t", "ic": {"image": "i", "test_command": ["/bin/true"]}}]}""", "p.json"));

    [Theory]
    [InlineData("{not json")]
    [InlineData("[]")]
    [InlineData("""{"tasks": 3}""")]
    public void Malformed_manifests_are_left_to_the_reader(string json) => Assert.Empty(UploadedManifestReferences.Problems(json, "p.json"));
}
