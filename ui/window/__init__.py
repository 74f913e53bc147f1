"""The main window and its parts: navigator, filter bar, tabs, detail pane, menus."""
