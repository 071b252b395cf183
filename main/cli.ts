/**
 * The `nekodesk` command: a second entry over the core, no Electron.
 * `bin/nekodesk.js` runs it through tsx (no build step); `npm run cli` runs this file directly.
 */
import { pathToFileURL } from 'node:url';
import { processIo } from './cli/io';
import { runCli } from './cli/run';

export { runCli } from './cli/run';
export type { CliIo } from './cli/io';

export async function main(argv: readonly string[] = process.argv.slice(2)): Promise<number> {
  const code = await runCli(argv, processIo());
  process.exitCode = code;
  return code;
}

const entry = process.argv[1];
if (entry !== undefined && import.meta.url === pathToFileURL(entry).href) await main();
