"""Importing and deleting policy documents from the window: preview, confirm, report."""
