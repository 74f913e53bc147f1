"""Ledger exchange from the window: rounds, export dialog, returned-ledger preview."""
