"""The frozen build's window entry point (``督办台账.exe``): ``ui.app:main``, as ``tracker``.

``督办台账 --smoke`` runs the smoke test instead, window included (``ui.window.window_smoke``).
"""

import sys

if __name__ == "__main__":
    if "--smoke" in sys.argv[1:]:
        from ui.window.window_smoke import main as smoke

        sys.exit(smoke(sys.argv))
    from ui.app import main

    sys.exit(main())
