"""Policy documents in the database: import, plan, revisions, deletion, measure texts."""
