using System.CommandLine;
using SweLancer.Domain.Sweeps;

namespace SweLancer.Coordinator.Cli;

/// <summary><c>--dispatch-order plan|price|stratified</c>, for <c>sweep</c> and <c>submit</c>.</summary>
public static class DispatchOrderOption
{
    public static Option<string> Create()
    {
        var option = new Option<string>("--dispatch-order")
        {
            Description = "The order tasks go to the graders: plan (as listed), price (highest first) or stratified (random within each variant and price band, bands interleaved, so the live estimate converges early).",
            DefaultValueFactory = _ => DispatchOrdering.Name(DispatchOrder.Plan),
        };
        option.Validators.Add(r =>
        {
            if (DispatchOrdering.Parse(r.GetValueOrDefault<string>() ?? "") is null)
                r.AddError($"--dispatch-order must be {DispatchOrdering.Names}; got '{r.GetValueOrDefault<string>()}'.");
        });
        return option;
    }
}
