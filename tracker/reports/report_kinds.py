"""The reports there are and the settings they read: names only, for the command line.

``tracker-cli`` builds its parser (``--kind``'s choices) without importing the
reports themselves (reportlab, python-docx, the services); ``tracker.reports.report_service``
uses these same names.
"""

from __future__ import annotations

KINDS = ("bulletin", "unit", "chaser", "ledger")
NAME_SETTING = "bulletin_name"
RECIPIENTS_SETTING = "bulletin_recipients"
CONTACT_SETTING = "report_contact"
PHONE_SETTING = "report_phone"
