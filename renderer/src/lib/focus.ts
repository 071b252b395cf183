/**
 * Keeping the keyboard's place when what had focus goes away. A button that disables itself while its call runs
 * (Identify, Sign in) or a row that disappears (a deleted history entry, a page of results replaced by the next)
 * drops focus to the page, and a keyboard or screen-reader user has to start again from the top. These helpers
 * put it back somewhere sensible, but only when it was lost: never away from where the person has since moved.
 */

/** True when nothing useful has focus: the page itself, or a control that has just been disabled. */
export function focusWasLost(): boolean {
  const active = document.activeElement;
  if (active === null || active === document.body) return true;
  // Chromium moves focus off a control as it is disabled; jsdom and older engines leave it there.
  return active instanceof HTMLButtonElement && active.disabled;
}

/** Focuses `target` (when there is one) if focus was lost; answers whether it did. */
export function restoreFocus(target: HTMLElement | null | undefined): boolean {
  if (!target || !focusWasLost()) return false;
  target.focus();
  return true;
}
