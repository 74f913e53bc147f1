"""The assignment table: its model, view, editors, filtering and undoable edits."""
