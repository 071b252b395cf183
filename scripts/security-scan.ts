/**
 * Runs Electronegativity (Doyensec's scanner for Electron misconfigurations) over the Electron side of
 * the app — main/, preload/ and the renderer's HTML pages — and fails on any HIGH or MEDIUM finding, or
 * on a file it could not parse. A finding reviewed as safe is silenced only at its exact line, with
 * Electronegativity's own `// eng-disable CHECK_ID` comment and a note above it saying why.
 *
 * Called through the scanner's programmatic runner: its command-line wrapper imports a `commander` it
 * does not declare, which resolves to our newer one.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';

interface Issue {
  id: string;
  file: string;
  sample: string;
  location: { line: number; column: number };
  severity: { name: string };
  confidence: { name: string };
}
interface ScanResult {
  errors: { file: string; message?: string; error?: string }[];
  issues: Issue[];
}
type Runner = (options: Record<string, unknown>, forCli: boolean) => Promise<ScanResult>;

const root = path.resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
const run = require('@doyensec/electronegativity') as Runner;
const { version: electronVersion } = JSON.parse(
  readFileSync(require.resolve('electron/package.json'), 'utf8'),
) as { version: string };

const staging = mkdtempSync(path.join(tmpdir(), 'nekodesk-scan-'));
try {
  for (const folder of ['main', 'preload']) {
    cpSync(path.join(root, folder), path.join(staging, folder), { recursive: true });
  }
  for (const page of ['index.html', 'picker.html']) {
    cpSync(path.join(root, 'renderer', page), path.join(staging, 'renderer', page));
  }
  cpSync(path.join(root, 'package.json'), path.join(staging, 'package.json'));

  const result = await run(
    {
      input: staging,
      isRelative: true,
      isVerbose: false,
      customScan: [],
      excludeFromScan: [],
      parserPlugins: [],
      electronVersionOverride: electronVersion,
    },
    false,
  );

  const serious = result.issues.filter((issue) => ['HIGH', 'MEDIUM'].includes(issue.severity.name));
  console.log(
    `Electronegativity, Electron ${electronVersion}: ${String(result.issues.length)} findings, ` +
      `${String(serious.length)} of high or medium severity, ${String(result.errors.length)} files unparsed.`,
  );
  for (const issue of result.issues.filter((candidate) => !serious.includes(candidate))) {
    console.log(`  ${issue.severity.name} ${issue.id} ${issue.file}:${String(issue.location.line)}`);
  }
  for (const issue of serious) {
    console.error(
      `  ${issue.severity.name} ${issue.id} ${issue.file}:${String(issue.location.line)}  ${issue.sample.trim()}`,
    );
  }
  for (const error of result.errors) {
    console.error(`  could not parse ${error.file}: ${error.message ?? error.error ?? 'unknown error'}`);
  }
  if (serious.length > 0 || result.errors.length > 0) {
    console.error('Security scan failed: fix the findings above.');
    process.exitCode = 1;
  }
} finally {
  rmSync(staging, { recursive: true, force: true });
}
