"""Inspections (督查) and their findings (督查问题), tracked to closure (整改销号)."""
