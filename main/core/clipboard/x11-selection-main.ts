/**
 * Entry of the detached process that owns the X11 clipboard for `nekodesk copy` (started by
 * x11-selection-process.ts, as xclip forks a server): it exits once it no longer owns the clipboard.
 */
import { failureStatus, encodeStatus } from './x11-selection-messages';
import { serveSelectionRequest } from './x11-selection-server';

// Nobody reads stderr once the CLI has gone; a failure before that is reported on the status line.
process.on('uncaughtException', (error) => {
  process.stdout.write(encodeStatus(failureStatus(error)), () => process.exit(1));
});
process.stderr.on('error', () => undefined);

const end = await serveSelectionRequest(process.stdin, process.stdout);
process.exit(end === null ? 1 : 0);
