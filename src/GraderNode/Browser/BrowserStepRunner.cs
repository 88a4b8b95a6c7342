using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SweLancer.Messages.Tasks;

namespace SweLancer.GraderNode.Browser;

/// <summary>
/// Runs manifest browser steps on a page, with the semantics of docs/task-manifest.md (and of the sample pool's verify
/// script): actions wait up to 5 s, expectations poll up to 3 s, navigation up to 15 s.
/// </summary>
public sealed class BrowserStepRunner(Uri baseUrl)
{
    public static readonly TimeSpan ActionTimeout = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan ExpectTimeout = TimeSpan.FromSeconds(3);
    public static readonly TimeSpan NavigationTimeout = TimeSpan.FromSeconds(15);

    /// <exception cref="StepFailedException">The step did not hold (the model's failure).</exception>
    public async Task RunAsync(IPage page, BrowserStep step)
    {
        try
        {
            await RunUncheckedAsync(page, step);
        }
        catch (Exception ex) when (ex is TimeoutException or PlaywrightException && !IsBrowserGone(ex))
        {
            throw new StepFailedException($"{step}: {FirstLine(ex.Message)}", ex);
        }
    }

    private async Task RunUncheckedAsync(IPage page, BrowserStep step)
    {
        var locator = step.Selector is null ? null : page.Locator(step.Selector);
        var action = (float)ActionTimeout.TotalMilliseconds;
        var expect = (float)ExpectTimeout.TotalMilliseconds;
        switch (step.Action)
        {
            case BrowserActions.Navigate:
                await page.GotoAsync(new Uri(baseUrl, step.Url!).ToString(), new PageGotoOptions { WaitUntil = WaitUntilState.Load, Timeout = (float)NavigationTimeout.TotalMilliseconds });
                break;
            case BrowserActions.Click:
                await locator!.ClickAsync(new LocatorClickOptions { Timeout = action });
                break;
            case BrowserActions.Fill:
                await locator!.FillAsync(step.Value!, new LocatorFillOptions { Timeout = action });
                break;
            case BrowserActions.Press:
                await locator!.PressAsync(step.Key!, new LocatorPressOptions { Timeout = action });
                break;
            case BrowserActions.Select:
                await locator!.SelectOptionAsync(step.Value!, new LocatorSelectOptionOptions { Timeout = action });
                break;
            case BrowserActions.ExpectText:
                await Assertions.Expect(locator!).ToContainTextAsync(step.Text!, new LocatorAssertionsToContainTextOptions { Timeout = expect });
                break;
            case BrowserActions.ExpectVisible:
                await locator!.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible, Timeout = expect });
                break;
            case BrowserActions.ExpectHidden:
                await locator!.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Hidden, Timeout = expect });
                break;
            case BrowserActions.ExpectCount:
                await Assertions.Expect(locator!).ToHaveCountAsync(step.Count!.Value, new LocatorAssertionsToHaveCountOptions { Timeout = expect });
                break;
            case BrowserActions.ExpectUrl:
                // Searched, not anchored, like JavaScript's RegExp.test.
                await Assertions.Expect(page).ToHaveURLAsync(new Regex(step.Pattern!), new PageAssertionsToHaveURLOptions { Timeout = expect });
                break;
            case BrowserActions.Evaluate:
                // Polled until truthy; an exception (the element is not rendered yet) counts as "not yet".
                await page.WaitForFunctionAsync($"(() => {{ try {{ return !!({step.Expression}); }} catch (e) {{ return false; }} }})()", null,
                    new PageWaitForFunctionOptions { Timeout = expect, PollingInterval = 100 });
                break;
            default:
                throw new ArgumentException($"unknown browser action '{step.Action}'", nameof(step));
        }
    }

    /// <summary>A closed browser or crashed target is ours, not a failing step.</summary>
    public static bool IsBrowserGone(Exception ex) =>
        ex.Message.Contains("Target page, context or browser has been closed", StringComparison.Ordinal)
        || ex.Message.Contains("Browser has been closed", StringComparison.Ordinal)
        || ex.Message.Contains("browser has disconnected", StringComparison.OrdinalIgnoreCase);

    private static string FirstLine(string message)
    {
        var line = message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? message;
        return line.Length > 300 ? line[..300] + "…" : line;
    }
}
