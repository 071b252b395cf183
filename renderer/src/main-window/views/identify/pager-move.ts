/** Which pager button asked for a page (Pager.svelte puts the focus back on it once the page is shown). */
export type PagerMove = 'previous' | 'next';
