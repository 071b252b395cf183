const QUERY = '(prefers-reduced-motion: reduce)';

/** Whether reduced motion is asked for now (false where matchMedia is missing, as in jsdom). */
function reducedNow(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia(QUERY).matches;
}

/**
 * Follows `prefers-reduced-motion: reduce`. Read at once (a clip must not start before the first change event),
 * then kept current while watched.
 */
export class ReducedMotion {
  current = $state(reducedNow());

  /** Starts listening; returns the function that stops. */
  watch(): () => void {
    if (typeof window.matchMedia !== 'function') return () => undefined;
    const query = window.matchMedia(QUERY);
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
