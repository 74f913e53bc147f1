"""Inspections and their findings in the window: the findings tab and its dialogs."""
