/** The Identify view's tabs; App keeps which one is open, so a result pushed by main can bring its tab forward. */
export type IdentifyTab = 'identify' | 'history' | 'browse' | 'account';

export const IDENTIFY_TABS: readonly { id: IdentifyTab; label: string }[] = [
  { id: 'identify', label: 'Identify' },
  { id: 'history', label: 'History' },
  { id: 'browse', label: 'Browse' },
  { id: 'account', label: 'Account' },
];
