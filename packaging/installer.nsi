; The Windows installer of 督办台账: per user, no administrator rights, no internet.
;
;   makensis -DDIST=dist\督办台账 -DVERSION=0.1.0 -DOUTFILE=dist\督办台账-0.1.0-安装.exe packaging\installer.nsi
;
; (`python dev.py installer` runs that after `python dev.py dist`.)  DIST is the folder
; PyInstaller made; paths are relative to this script's folder unless absolute.
;
; What a clerk gets, and why:
; - installed into %LOCALAPPDATA%\Programs\督办台账 (where per-user programs go on Windows
;   10/11), so no administrator is needed: office PCs give clerks none;
; - a Start-menu shortcut 督办台账 (and an optional desktop one), with the application's icon;
; - an uninstaller listed in Settings → Apps ("Add/Remove programs") for this user (HKCU);
; - the database, the settings and the logs (%LOCALAPPDATA%\MeasureTracker,
;   %APPDATA%\MeasureTracker) are never touched: uninstalling or reinstalling keeps the
;   office's work.  The uninstaller says so.

Unicode true
ManifestDPIAware true
RequestExecutionLevel user
!ifdef QUICK
  SetCompress off  ; -DQUICK: a check that the script compiles, in seconds (CI on Linux)
!else
  SetCompressor /SOLID lzma  ; the smallest installer; some minutes on two cores
!endif

!ifndef DIST
  !define DIST "..\dist\督办台账"
!endif
!ifndef VERSION
  !define VERSION "0.1.0"
!endif
!ifndef OUTFILE
  !define OUTFILE "..\dist\督办台账-${VERSION}-安装.exe"
!endif

!define APP_NAME "督办台账"
!define APP_EXE "督办台账.exe"
!define PUBLISHER "督办台账 (Measure Tracker)"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\MeasureTracker"
!define ICON "..\resources\icons\tracker.ico"

Name "${APP_NAME}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\${APP_NAME}"
InstallDirRegKey HKCU "${UNINSTALL_KEY}" "InstallLocation"
BrandingText "${APP_NAME} ${VERSION}"

VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=2052 "ProductName" "${APP_NAME}"
VIAddVersionKey /LANG=2052 "FileDescription" "${APP_NAME} 安装程序"
VIAddVersionKey /LANG=2052 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=2052 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=2052 "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=2052 "LegalCopyright" "${PUBLISHER}"

!include "MUI2.nsh"

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\${APP_EXE}"
!define MUI_FINISHPAGE_RUN_TEXT "启动 ${APP_NAME}"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_COMPONENTS
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH

!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

!insertmacro MUI_LANGUAGE "SimpChinese"

Function .onInit
  SetShellVarContext current  ; this user's Start menu and desktop, not all users'
FunctionEnd

Function un.onInit
  SetShellVarContext current
FunctionEnd

Section "!${APP_NAME}" SecMain
  SectionIn RO
  SetOutPath "$INSTDIR"
  ; An update replaces the program's files; a file left from an older version could
  ; shadow a new library, so the folder is emptied first (it holds no data of the office).
  RMDir /r "$INSTDIR\_internal"
  File /r "${DIST}\*.*"
  File "/oname=$INSTDIR\tracker.ico" "${ICON}"
  WriteUninstaller "$INSTDIR\卸载.exe"

  CreateShortcut "$SMPROGRAMS\${APP_NAME}.lnk" "$INSTDIR\${APP_EXE}" "" "$INSTDIR\tracker.ico" 0

  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "${APP_NAME}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\tracker.ico"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\卸载.exe"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\卸载.exe" /S'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
  SectionGetSize ${SecMain} $0
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "EstimatedSize" $0
SectionEnd

Section "桌面快捷方式" SecDesktop
  CreateShortcut "$DESKTOP\${APP_NAME}.lnk" "$INSTDIR\${APP_EXE}" "" "$INSTDIR\tracker.ico" 0
SectionEnd

Section "Uninstall"
  ; Only the program: the database, settings and logs under %LOCALAPPDATA%\MeasureTracker
  ; and %APPDATA%\MeasureTracker stay, so reinstalling finds the office's work again.
  Delete "$SMPROGRAMS\${APP_NAME}.lnk"
  Delete "$DESKTOP\${APP_NAME}.lnk"
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\${APP_EXE}"
  Delete "$INSTDIR\tracker-cli.exe"
  Delete "$INSTDIR\tracker.ico"
  Delete "$INSTDIR\卸载.exe"
  RMDir "$INSTDIR"
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
  DetailPrint "数据库和设置已保留：$LOCALAPPDATA\MeasureTracker"
SectionEnd
