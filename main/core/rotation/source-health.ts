/** Waits after a source fails: 5 s, 10 s, 20 s … up to 10 minutes. */
export function sourceCooldownMs(failures: number): number {
  return Math.min(10 * 60_000, 5_000 * 2 ** Math.min(20, Math.max(0, failures - 1)));
}

/** Remembers which sources failed lately, so they are tried last until their cooldown is over. */
export class SourceHealth {
  readonly #failures = new Map<string, { count: number; until: number }>();
  readonly #now: () => number;

  constructor(now: () => number) {
    this.#now = now;
  }

  coolingDown(label: string): boolean {
    const entry = this.#failures.get(label);
    return entry !== undefined && this.#now() < entry.until;
  }

  failed(label: string): void {
    const count = (this.#failures.get(label)?.count ?? 0) + 1;
    this.#failures.set(label, { count, until: this.#now() + sourceCooldownMs(count) });
  }

  succeeded(label: string): void {
    this.#failures.delete(label);
  }

  /** After a resume from sleep or a change of settings: every source gets a fresh chance. */
  reset(): void {
    this.#failures.clear();
  }
}
