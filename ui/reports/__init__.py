"""Printing reports from the window: choose, save as PDF or Word, preview and print."""
