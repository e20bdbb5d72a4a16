; Inno Setup 6 script: a per-user install of the PyInstaller onedir build.
; No administrator prompt (PrivilegesRequired=lowest): the app goes to
; %LOCALAPPDATA%\Programs\mirecovery, with a Start menu entry and an uninstaller.
;
;   pyinstaller --noconfirm --distpath dist --workpath build\pyinstaller build.spec
;   iscc /DAppVersion=0.1.0 packaging\windows\mirecovery.iss
;
; Output: dist\mirecovery-<version>-windows-setup.exe. Built and smoke-tested by
; .github/workflows/windows.yml (this repository's CI machines have no Windows).

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define Root "..\.."

[Setup]
AppId={{8C0F7E0B-4D1E-4B0E-9A57-3E5C2B9D7A11}
AppName=mirecovery
AppVersion={#AppVersion}
AppVerName=mirecovery {#AppVersion}
AppPublisher=mirecovery
DefaultDirName={localappdata}\Programs\mirecovery
DefaultGroupName=mirecovery
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
; Qt 6 needs Windows 10 1809 or later.
MinVersion=10.0.17763
OutputDir={#Root}\dist
OutputBaseFilename=mirecovery-{#AppVersion}-windows-setup
SetupIconFile={#Root}\resources\icons\mirecovery.ico
UninstallDisplayIcon={app}\mirecovery.exe
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#Root}\dist\mirecovery\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\mirecovery"; Filename: "{app}\mirecovery.exe"
Name: "{group}\mirecovery (training, offline)"; Filename: "{app}\mirecovery.exe"; Parameters: "--training"
Name: "{group}\{cm:UninstallProgram,mirecovery}"; Filename: "{uninstallexe}"
Name: "{userdesktop}\mirecovery"; Filename: "{app}\mirecovery.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\mirecovery.exe"; Description: "{cm:LaunchProgram,mirecovery}"; Flags: nowait postinstall skipifsilent

; Cases, drafts, settings and logs live in %LOCALAPPDATA%\mirecovery and stay
; after an uninstall; "Delete all data" in the app's settings removes them.
