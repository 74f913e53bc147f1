"""Storage: SQLAlchemy models, the engine and sessions, and versioned migrations.

SQLite by default (one file in the user's data folder), PostgreSQL for an
office that shares one server.  Nothing here is SQLite-only.
"""
