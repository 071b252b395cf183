import type { NekodeskApi, Notice } from '../../../lib/api';

/** What the Identify view hands a panel that calls main: the API, the clock "5 min ago" reads, and toasts. */
export interface ServiceProps {
  api: NekodeskApi;
  /** The view's clock: a coarse tick is enough for "when". */
  now: number;
  notify: (notice: Notice) => void;
}

/** What a shown candidate leads to, handed down from the view: copy its title, open its AniList page. */
export interface CandidateActions {
  oncopy: (title: string) => void;
  onopen: (url: string) => void;
}
