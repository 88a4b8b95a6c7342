using SweLancer.Tests.Shared;

namespace SweLancer.IntegrationTests.Infrastructure;

/// <summary>
/// The freelance-app sample pool (tasks.json, submissions, image build script): in the checkout at samples/freelance-app,
/// or where SWELANCER_SAMPLE_POOL points. Its image is built with the pool's own build-image.sh when missing.
/// </summary>
public static class SamplePool
{
    public static string Folder
    {
        get
        {
            var candidates = new[] { Environment.GetEnvironmentVariable("SWELANCER_SAMPLE_POOL"), Path.Combine(SharedDataset.RepoRoot, "samples", "freelance-app") };
            return candidates.FirstOrDefault(c => !string.IsNullOrEmpty(c) && File.Exists(Path.Combine(c, "tasks.json")))
                   ?? throw new InvalidOperationException("The freelance-app sample pool is neither at samples/freelance-app nor where SWELANCER_SAMPLE_POOL points.");
        }
    }

    public static string TasksJson => Path.Combine(Folder, "tasks.json");

    public static void EnsureImage() => DockerFixture.RunScript(Path.Combine(Folder, "build-image.sh"));
}
