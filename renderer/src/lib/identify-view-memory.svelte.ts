import type { IdentifyResult, RankingPeriod } from './identify-types';
import { PagePlace } from './offset-pages.svelte';

export type BrowseSection = 'rankings' | 'recent';

/**
 * What the Identify view's tabs had on screen, kept while the app runs (IdentifySession holds it, and App holds
 * the session): the panels are unmounted when a person switches tabs or sections, and coming back should show
 * what was there — the address being typed, the Browse section, period and pages, the history entry open.
 * Not saved to disk: a restart starts fresh.
 */
export class IdentifyViewMemory {
  urlDraft = $state('');
  browseSection = $state<BrowseSection>('rankings');
  rankingsPeriod = $state<RankingPeriod>('weekly');
  readonly rankings = new PagePlace();
  readonly recent = new PagePlace();
  historyEntry = $state.raw<IdentifyResult | null>(null);
}
