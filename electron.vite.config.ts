import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'electron-vite';
import { resolve } from 'node:path';

// main/, preload/ and renderer/ sit at the top level (ARCHITECTURE.md), so each entry is named here.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: { input: { index: resolve('main/index.ts') } },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload cannot require node_modules: bundle zod and the contract into it.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve('preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve('renderer'),
    plugins: [
      svelte({ configFile: resolve('svelte.config.js') }),
      {
        // The dev server injects CSS as <style> elements, which the pages' CSP (style-src 'self') blocks.
        // Relax that for `electron-vite dev` only; built pages keep the strict policy.
        name: 'nekodesk:dev-inline-styles',
        apply: 'serve',
        transformIndexHtml: (html: string) =>
          html.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'"),
      },
    ],
    build: {
      outDir: resolve('out/renderer'),
      rollupOptions: {
        input: {
          index: resolve('renderer/index.html'),
          picker: resolve('renderer/picker.html'),
          capture: resolve('renderer/capture.html'),
        },
      },
    },
  },
});
