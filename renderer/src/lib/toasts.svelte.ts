import type { Notice } from './api';

export interface Toast extends Notice {
  id: number;
}

/** How long an info toast stays; warnings and errors stay until dismissed. */
export const INFO_TOAST_MS = 6000;

/** The toasts on screen: notices from main, and the UI's own confirmations. */
export class ToastStore {
  items: Toast[] = $state([]);
  #nextId = 1;
  // Bookkeeping for auto-dismissal, never rendered: a plain Map, not reactive state.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  readonly #timers = new Map<number, ReturnType<typeof setTimeout>>();

  push(notice: Notice): number {
    const id = this.#nextId++;
    this.items.push({ id, level: notice.level, message: notice.message });
    if (notice.level === 'info') {
      this.#timers.set(
        id,
        setTimeout(() => {
          this.dismiss(id);
        }, INFO_TOAST_MS),
      );
    }
    return id;
  }

  dismiss(id: number): void {
    clearTimeout(this.#timers.get(id));
    this.#timers.delete(id);
    this.items = this.items.filter((toast) => toast.id !== id);
  }

  clear(): void {
    for (const timer of this.#timers.values()) clearTimeout(timer);
    this.#timers.clear();
    this.items = [];
  }
}
