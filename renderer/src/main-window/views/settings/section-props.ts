import type { Settings } from '../../../lib/api';
import type { SettingsForm } from '../../../lib/settings-form';
import type { HotkeyControl } from './hotkeys.svelte';

/** What a settings section with hotkeys gets from the page. */
export interface HotkeySectionProps {
  /** The form's edits (bound: the section's fields write into it). */
  form: SettingsForm;
  /** The settings as main last confirmed them (hotkeys are read from here: they are saved at once). */
  settings: Settings;
  hotkeys: HotkeyControl;
}
