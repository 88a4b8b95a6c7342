"""An expense report: a titled list of expenses with a total."""

from .currency import format_amount


class Report:
    def __init__(self, title, currency="USD"):
        self.title = title
        self.currency = currency
        self.expenses = []

    def add(self, merchant, minor):
        self.expenses.append((merchant, minor))

    def total(self):
        return sum(minor for _, minor in self.expenses)

    def summary(self):
        return "%s: %d expense(s), %s" % (self.title, len(self.expenses), format_amount(self.total(), self.currency))
