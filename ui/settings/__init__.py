"""Settings, backups, the user guide and the folders file dialogs open in."""
