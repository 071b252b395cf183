import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vitest/config';

// Three projects: the core, the CLI and the Electron shell run in Node; components run in jsdom;
// end-to-end tests drive Debian's Chromium through the browser harness (they need a build first).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: ['tests/{core,main,preload,cli,fakes,harness}/**/*.test.ts'],
          setupFiles: ['tests/setup-node.ts'],
          testTimeout: 15_000,
        },
      },
      {
        plugins: [svelte({ hot: false })],
        resolve: { conditions: ['browser'] },
        test: {
          name: 'renderer',
          environment: 'jsdom',
          include: ['tests/renderer/**/*.test.ts'],
          setupFiles: ['tests/setup-renderer.ts'],
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
