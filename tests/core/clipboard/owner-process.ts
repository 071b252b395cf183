import { readFileSync } from 'node:fs';
import { openRequestor } from './x11-requestor';

/** The pid of the process owning CLIPBOARD on `display` (its window's `_NET_WM_PID`), or null. */
export async function clipboardOwnerPid(display: string): Promise<number | null> {
  const requestor = await openRequestor(display);
  try {
    return (await requestor.owner())?.pid ?? null;
  } finally {
    await requestor.close();
  }
}

/**
 * Whether `pid` still runs. A process that has exited but not been reaped (a zombie: the detached owner
 * is re-parented, and a container's first process may never reap it) counts as gone.
 */
export function isRunning(pid: number): boolean {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return false;
  }
  // "pid (command) state …": the command may hold spaces and parentheses; the state follows the last ")".
  const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
  return state !== 'Z' && state !== 'X';
}
