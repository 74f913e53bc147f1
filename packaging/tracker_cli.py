"""The frozen build's console entry point (``tracker-cli.exe``): ``tracker.cli.cli_main:main``.

It runs ``tracker-cli smoke`` in CI, and gives IT the command line without Python.
"""

import sys

from tracker.cli.cli_main import main

if __name__ == "__main__":
    sys.exit(main())
