namespace SweLancer.Domain.Ledger;

/// <summary>
/// The unbiased pass@k estimator for one task: with <c>n</c> graded attempts of which <c>c</c> passed, the chance that
/// at least one of <c>k</c> attempts drawn without replacement passes, 1 − C(n−c, k)/C(n, k).
/// </summary>
public static class PassAtK
{
    public static double Estimate(int n, int c, int k)
    {
        if (n < 1 || c < 0 || c > n || k < 1 || k > n)
            throw new ArgumentOutOfRangeException(nameof(k), $"pass@{k} needs 1 <= k <= n and 0 <= c <= n (n = {n}, c = {c}).");
        if (n - c < k)
            return 1.0;
        // C(n−c, k)/C(n, k) as a product, so large n does not overflow.
        var allFail = 1.0;
        for (var i = n - c + 1; i <= n; i++)
            allFail *= 1.0 - (double)k / i;
        return 1.0 - allFail;
    }
}
