import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

// TypeScript in <script lang="ts"> and modern CSS, for Vite, vitest and svelte-check alike.
export default { preprocess: vitePreprocess() };
