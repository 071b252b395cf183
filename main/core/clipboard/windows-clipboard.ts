/**
 * Windows: Windows PowerShell (5.1, always installed; STA for the clipboard) with one fixed script, given as
 * `-EncodedCommand`. The files, text and image path reach it as environment variables, never inside the
 * script text. Files (CF_HDROP: Explorer, Discord, Teams paste the file, a GIF stays animated) and the text
 * fallback go on the clipboard together.
 */
import { guarded, type ClipboardTools } from './clipboard-tools';
import type { ClipboardWriter } from './clipboard-writer';
import { withTempPng } from './temp-png';

export const WINDOWS_CLIPBOARD_SCRIPT = [
  "$ErrorActionPreference = 'Stop'",
  'Add-Type -AssemblyName System.Windows.Forms',
  'Add-Type -AssemblyName System.Drawing',
  '$data = New-Object System.Windows.Forms.DataObject',
  'if ($env:NEKODESK_CLIPBOARD_FILES) {',
  '  $list = New-Object System.Collections.Specialized.StringCollection',
  '  foreach ($file in $env:NEKODESK_CLIPBOARD_FILES.Split("`n")) { [void]$list.Add($file) }',
  '  $data.SetFileDropList($list)',
  '}',
  'if ($env:NEKODESK_CLIPBOARD_IMAGE) {',
  '  $bytes = [System.IO.File]::ReadAllBytes($env:NEKODESK_CLIPBOARD_IMAGE)',
  '  $data.SetImage([System.Drawing.Image]::FromStream((New-Object System.IO.MemoryStream(,$bytes))))',
  '}',
  'if ($env:NEKODESK_CLIPBOARD_TEXT) { $data.SetText($env:NEKODESK_CLIPBOARD_TEXT) }',
  '[System.Windows.Forms.Clipboard]::SetDataObject($data, $true)',
].join('\n');

/** `-EncodedCommand` takes the script as base64 of its UTF-16LE text. */
export function encodePowerShell(script: string): string {
  return Buffer.from(script, 'utf16le').toString('base64');
}

export const POWERSHELL_ARGS = [
  '-NoProfile',
  '-NonInteractive',
  '-Sta',
  '-ExecutionPolicy',
  'Bypass',
  '-EncodedCommand',
  encodePowerShell(WINDOWS_CLIPBOARD_SCRIPT),
];

export function windowsClipboard(tools: ClipboardTools): ClipboardWriter {
  return {
    name: 'powershell',
    write: (payload) =>
      guarded('powershell.exe', async () => {
        const env = {
          ...tools.env,
          NEKODESK_CLIPBOARD_FILES: payload.files.join('\n'),
          NEKODESK_CLIPBOARD_TEXT: payload.text,
          NEKODESK_CLIPBOARD_IMAGE: '',
        };
        if (payload.imagePng === undefined) {
          await tools.run('powershell.exe', POWERSHELL_ARGS, { env });
          return;
        }
        await withTempPng(tools.tempDir, payload.imagePng, (png) =>
          tools.run('powershell.exe', POWERSHELL_ARGS, { env: { ...env, NEKODESK_CLIPBOARD_IMAGE: png } }),
        );
      }),
  };
}
