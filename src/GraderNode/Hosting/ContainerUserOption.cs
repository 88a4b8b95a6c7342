using System.CommandLine;
using SweLancer.GraderNode.Containers;
using SweLancer.Hosting.Nodes;

namespace SweLancer.GraderNode.Hosting;

/// <summary>The --container-user flag (and SWELANCER_CONTAINER_USER), shared by `sweep` (embedded) and the grader role.</summary>
public sealed class ContainerUserOption
{
    private readonly Option<string> _user = new("--container-user")
    {
        Description = "Who the app and its tests run as in command- and browser-runner containers, as user[:group] [env SWELANCER_CONTAINER_USER]. " +
                      "Default 65534:65534 (nobody), so the model's code cannot rewrite the hidden tests or the image's tools; " +
                      "give 0 only for an image whose app needs root. The official SWE-Lancer runner always runs as root, as upstream.",
        DefaultValueFactory = EnvironmentDefault.String("SWELANCER_CONTAINER_USER", ContainerPoolOptions.DefaultUser),
    };

    public ContainerUserOption() =>
        _user.Validators.Add(r =>
        {
            if (ContainerUser.Problem(r.GetValueOrDefault<string>()) is { } problem)
                r.AddError($"--container-user (or SWELANCER_CONTAINER_USER) {problem}");
        });

    public void AddTo(Command command) => command.Options.Add(_user);

    public string Read(ParseResult parsed) => parsed.GetValue(_user)!;
}
