"""Unit lists from files: a column of names for a group's members."""
