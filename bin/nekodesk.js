#!/usr/bin/env node
// The `nekodesk` command. Runs the TypeScript sources through tsx, so `npx nekodesk` works in a fresh clone
// right after `npm install`, with no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../main/cli.ts');
const code = await main(process.argv.slice(2));
// Idle keep-alive sockets must not hold the process open once the command is done.
process.stdout.write('', () => process.exit(code));
