"""Copies of the database: made, checked, listed and restored."""
