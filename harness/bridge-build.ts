/**
 * Builds harness/web-bridge.ts (the channel names and `createNekodeskApi`; no zod) into one ES module, in memory,
 * with Vite's build API — once per process: the harness is a development tool, and the bridge never
 * ships in the app.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Rollup } from 'vite';

const HARNESS_DIR = path.dirname(fileURLToPath(import.meta.url));
let built: Promise<string> | null = null;

export function buildBridge(): Promise<string> {
  built ??= bundle().catch((error: unknown) => {
    built = null;
    throw error;
  });
  return built;
}

async function bundle(): Promise<string> {
  const result = await build({
    configFile: false,
    envFile: false,
    publicDir: false,
    logLevel: 'error',
    root: path.resolve(HARNESS_DIR, '..'),
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: {
      write: false,
      target: 'es2022',
      minify: true,
      sourcemap: false,
      copyPublicDir: false,
      reportCompressedSize: false,
      lib: {
        entry: path.join(HARNESS_DIR, 'web-bridge.ts'),
        formats: ['es'],
        fileName: () => 'bridge.js',
      },
    },
  });
  const outputs: Rollup.RollupOutput[] = Array.isArray(result) ? result : [result as Rollup.RollupOutput];
  for (const output of outputs) {
    for (const item of output.output) {
      if (item.type === 'chunk' && item.isEntry) return item.code;
    }
  }
  throw new Error('Building the web bridge produced no script.');
}
