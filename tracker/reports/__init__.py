"""Printed reports as ``ReportDocument``s: bulletin, task lists, chaser, printed ledger."""
