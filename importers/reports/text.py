"""Report text made safe for reportlab's paragraph mini-markup."""

from __future__ import annotations

from xml.sax.saxutils import escape


def markup(text: str) -> str:
    """Plain text as paragraph markup: ``&<>`` escaped, line breaks kept."""
    return escape(text).replace("\n", "<br/>")
