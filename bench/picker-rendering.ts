import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Benchmark, Figure } from './figure';
import { measureTileCpu } from './picker-cpu';
import { measureShowToPaint } from './picker-paint';
import { HAS_CHROMIUM, MISSING_CHROMIUM } from './support/bench-chromium';
import { openPickerBenchEnv } from './support/picker-bench-env';

const BUILT_PICKER = path.resolve('out', 'renderer', 'picker.html');

/** The picker's two rendering figures, in headless Chromium over the browser harness (one setup for both). */
export const pickerRendering: Benchmark = {
  name: 'picker rendering',
  async run(): Promise<Figure[]> {
    if (!HAS_CHROMIUM) {
      // Like the end-to-end tests: a machine without Chromium skips these figures, saying why; CI must have it.
      if (process.env.CI) throw new Error(MISSING_CHROMIUM);
      console.warn(`\nSkipping the picker rendering figures. ${MISSING_CHROMIUM}`);
      return [];
    }
    if (!existsSync(BUILT_PICKER)) {
      throw new Error(`No built renderer at ${BUILT_PICKER}: run \`npx electron-vite build\` first.`);
    }
    const env = await openPickerBenchEnv();
    try {
      return [await measureShowToPaint(env), await measureTileCpu(env)];
    } finally {
      await env.close();
    }
  },
};
