"""Amounts are kept in minor units (cents), as Expensify does."""

SYMBOLS = {"USD": "$", "EUR": "\u20ac", "GBP": "\u00a3"}


def to_minor(amount):
    return int(round(float(amount) * 100))


def format_amount(minor, currency="USD"):
    sign = "-" if minor < 0 else ""
    minor = abs(minor)
    return "%s%s%d.%02d" % (sign, SYMBOLS.get(currency, currency + " "), minor // 100, minor % 100)
