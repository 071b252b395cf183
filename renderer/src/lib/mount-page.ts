import { mount, type Component } from 'svelte';
import type { NekodeskApi } from './api';
import { findApi } from './api';
import MissingBridge from './components/MissingBridge.svelte';
import './theme.css';

/** Mounts a page's root component with `window.nekodesk`, or explains why it cannot. */
export function mountPage(root: Component<{ api: NekodeskApi }>): void {
  const target = document.getElementById('app');
  if (!target) throw new Error('The page has no #app element.');
  const api = findApi();
  if (api) mount(root, { target, props: { api } });
  else mount(MissingBridge, { target });
}
