"""The command line's output on any console, Chinese Windows included.

A console or a redirected file on Chinese Windows encodes with the ANSI code page
(cp936): a character outside it (a rare name, a symbol in a measure's text) would
end the command with UnicodeEncodeError halfway through its output.  Text output
therefore replaces what the console cannot show; JSON, read by programs, is always
UTF-8, whatever the code page.
"""

from __future__ import annotations

import io
import sys


def prepare_console(json_output: bool) -> None:
    """Set stdout and stderr up for this command's output (``json_output``: UTF-8)."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="replace")
    if json_output and isinstance(sys.stdout, io.TextIOWrapper):
        sys.stdout.reconfigure(encoding="utf-8")
