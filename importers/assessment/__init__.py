"""考核 scores as an Excel workbook (no database: plain rows in, a file out)."""
