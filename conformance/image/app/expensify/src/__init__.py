"""Stand-in for the Expensify app: expense reports and currency amounts."""
