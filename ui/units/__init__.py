"""The units directory dialog and the preview of a unit merge."""
