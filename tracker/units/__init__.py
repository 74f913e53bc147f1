"""The units directory: names, aliases, contacts, and merging two units into one."""
