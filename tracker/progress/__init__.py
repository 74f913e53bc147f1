"""Progress on assignments: recording changes with history, filtered lists, statistics."""
