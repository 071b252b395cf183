/** Reading the output lists of sway (`swaymsg -t get_outputs -r`) and Hyprland (`hyprctl monitors -j`). */
import { z } from 'zod';
import type { CompositorOutput } from './output-matching';

const swayOutputs = z.array(
  z.object({
    name: z.string(),
    active: z.boolean().optional(),
    rect: z.object({ x: z.number(), y: z.number() }),
  }),
);

const hyprlandMonitors = z.array(z.object({ name: z.string(), x: z.number(), y: z.number() }));

/** Output names that can be passed to a command as they are (no quoting games). */
const SIMPLE_NAME = /^[A-Za-z0-9._:-]+$/;

export function parseSwayOutputs(json: string): CompositorOutput[] | null {
  const parsed = swayOutputs.safeParse(parseJson(json));
  if (!parsed.success) return null;
  return parsed.data
    .filter((output) => output.active !== false && SIMPLE_NAME.test(output.name))
    .map((output) => ({ name: output.name, x: output.rect.x, y: output.rect.y }));
}

export function parseHyprlandMonitors(json: string): CompositorOutput[] | null {
  const parsed = hyprlandMonitors.safeParse(parseJson(json));
  if (!parsed.success) return null;
  return parsed.data
    .filter((monitor) => SIMPLE_NAME.test(monitor.name))
    .map((monitor) => ({ name: monitor.name, x: monitor.x, y: monitor.y }));
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
