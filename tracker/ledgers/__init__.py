"""Work ledgers (工作台账) out to the units and back: export, preview, apply, undo."""
