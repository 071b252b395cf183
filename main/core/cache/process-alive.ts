import { errorCode } from './cache-fs';

/**
 * True when a process with this id is running. A temp file in the cache names its writer's pid, so opening a
 * cache removes the temp files of dead processes (a crash, `kill -9`) but not those another running process
 * (the CLI beside the app) is still writing.
 */
export function isProcessAlive(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return errorCode(error) === 'EPERM';
  }
}
