/** Follows `prefers-reduced-motion: reduce` (false where matchMedia is missing, as in jsdom). */
export class ReducedMotion {
  current = $state(false);

  /** Starts listening; returns the function that stops. */
  watch(): () => void {
    if (typeof window.matchMedia !== 'function') return () => undefined;
    const query = window.matchMedia('(prefers-reduced-motion: reduce)');
    this.current = query.matches;
    const onChange = (event: MediaQueryListEvent): void => {
      this.current = event.matches;
    };
    query.addEventListener('change', onChange);
    return () => {
      query.removeEventListener('change', onChange);
    };
  }
}
