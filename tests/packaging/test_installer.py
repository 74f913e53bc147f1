"""The Windows installer's script (``packaging/installer.nsi``) and the icon it uses.

The installer itself is built and exercised on a Windows runner
(``.github/workflows/windows.yml``); here the script is compiled with Debian's NSIS over
a stub folder (the compiler needs files that exist, not Windows programs), and the
promises made to an office are checked in its text: per user without administrator
rights, the Start-menu shortcut's name, the uninstaller in HKCU, the data left alone.
"""

from __future__ import annotations

import re
import struct
import subprocess
from pathlib import Path

from tests.tools import needs_makensis

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "packaging" / "installer.nsi"
ICON = ROOT / "resources" / "icons" / "tracker.ico"


def _section(text: str, name: str) -> str:
    start = text.index(f'Section "{name}"')
    return text[start : text.index("SectionEnd", start)]


def test_the_script_installs_per_user_without_administrator_rights() -> None:
    text = SCRIPT.read_text(encoding="utf-8")
    assert "Unicode true" in text.splitlines()
    assert "RequestExecutionLevel user" in text.splitlines()
    assert 'InstallDir "$LOCALAPPDATA\\Programs\\${APP_NAME}"' in text
    assert '!define APP_NAME "督办台账"' in text
    assert "HKLM" not in text  # nothing machine-wide: that needs an administrator


def test_the_start_menu_shortcut_and_the_registered_uninstaller() -> None:
    text = SCRIPT.read_text(encoding="utf-8")
    main = _section(text, "!${APP_NAME}")
    assert 'CreateShortcut "$SMPROGRAMS\\${APP_NAME}.lnk" "$INSTDIR\\${APP_EXE}"' in main
    assert 'WriteUninstaller "$INSTDIR\\卸载.exe"' in main
    registered = set(re.findall(r'WriteReg\w+ HKCU "\$\{UNINSTALL_KEY\}" "(\w+)"', main))
    assert registered >= {"DisplayName", "UninstallString", "DisplayIcon", "InstallLocation"}
    assert (
        '!define UNINSTALL_KEY "Software\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\'
        'MeasureTracker"' in text
    )


def test_uninstalling_removes_the_program_and_never_the_data() -> None:
    uninstall = _section(SCRIPT.read_text(encoding="utf-8"), "Uninstall")
    removals = [
        line.strip()
        for line in uninstall.splitlines()
        if line.strip().startswith(("Delete ", "RMDir ", "DeleteRegKey "))
    ]
    assert removals == [
        'Delete "$SMPROGRAMS\\${APP_NAME}.lnk"',
        'Delete "$DESKTOP\\${APP_NAME}.lnk"',
        'RMDir /r "$INSTDIR\\_internal"',
        'Delete "$INSTDIR\\${APP_EXE}"',
        'Delete "$INSTDIR\\tracker-cli.exe"',
        'Delete "$INSTDIR\\tracker.ico"',
        'Delete "$INSTDIR\\卸载.exe"',
        'RMDir "$INSTDIR"',  # without /r: only if nothing else is left in it
        'DeleteRegKey HKCU "${UNINSTALL_KEY}"',
    ]


def test_the_icon_holds_the_sizes_windows_asks_for() -> None:
    data = ICON.read_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", data)
    assert (reserved, kind, count) == (0, 1, 5)
    sizes = [struct.unpack_from("<B", data, 6 + 16 * i)[0] or 256 for i in range(count)]
    assert sizes == [16, 24, 32, 48, 256]


@needs_makensis
def test_the_script_compiles_into_an_installer(tmp_path: Path) -> None:
    folder = tmp_path / "督办台账"
    (folder / "_internal").mkdir(parents=True)
    (folder / "督办台账.exe").write_bytes(b"MZ stub")
    (folder / "tracker-cli.exe").write_bytes(b"MZ stub")
    (folder / "_internal" / "库.txt").write_text("stub", encoding="utf-8")
    out = tmp_path / "督办台账-安装.exe"

    done = subprocess.run(
        ["makensis", "-V2", "-DQUICK", f"-DDIST={folder}", f"-DOUTFILE={out}", str(SCRIPT)],
        capture_output=True,
        text=True,
    )

    assert done.returncode == 0, done.stdout + done.stderr
    assert out.read_bytes()[:2] == b"MZ"
