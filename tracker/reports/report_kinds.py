"""The reports there are: names only, for the command line.

``tracker-cli`` builds its parser (``--kind``'s choices) without importing the
reports themselves (reportlab, python-docx, the services); ``tracker.reports.report_service``
uses these same names.
"""

from __future__ import annotations

KINDS = ("bulletin", "unit", "chaser", "ledger")
