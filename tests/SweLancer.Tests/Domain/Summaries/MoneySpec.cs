using SweLancer.Domain.Summaries;
using Xunit;

namespace SweLancer.Tests.Domain.Summaries;

public sealed class MoneySpec
{
    [Theory]
    [InlineData("4000.0", "$4,000")]
    [InlineData("12.50", "$12.5")]
    public void Display_drops_trailing_zeros_and_groups_thousands(string value, string shown) =>
        Assert.Equal(shown, Money.Display(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("250", "+$250")]
    [InlineData("-4000", "-$4,000")]
    [InlineData("0", "$0")]
    public void Signed_puts_the_sign_before_the_dollar(string value, string shown) =>
        Assert.Equal(shown, Money.Signed(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture)));
}
