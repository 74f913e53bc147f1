"""Reporting rounds (调度轮次): each ledger exchange and progress change belongs to one."""
