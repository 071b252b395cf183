/**
 * Pairs a composition's per-monitor images with a compositor's outputs (sway, Hyprland), which are
 * named ("DP-1") and placed in logical coordinates that differ from ours when a monitor is scaled.
 */
import type { ComposedWallpaper } from '../types';
import { orderedMonitorFiles } from './composed-files';

export interface CompositorOutput {
  name: string;
  x: number;
  y: number;
}

export interface OutputImage {
  output: string;
  file: string;
}

/**
 * Each output's image: by name (a monitor id equal to the output's name), else by position, else — when
 * there are as many monitors as outputs — by left-to-right order. Null when the outputs cannot all be paired.
 */
export function matchOutputs(
  composed: ComposedWallpaper,
  outputs: readonly CompositorOutput[],
): OutputImage[] | null {
  const monitors = orderedMonitorFiles(composed);
  if (outputs.length === 0 || monitors.length === 0) return null;

  const direct = outputs.map((output) => {
    const found =
      monitors.find(({ monitor }) => monitor.id === output.name) ??
      monitors.find(({ monitor }) => monitor.x === output.x && monitor.y === output.y);
    return found ? { output: output.name, file: found.file } : null;
  });
  if (direct.every((pair) => pair !== null)) return direct;

  if (monitors.length !== outputs.length) return null;
  const byPosition = <T extends { x: number; y: number }>(a: T, b: T): number => a.x - b.x || a.y - b.y;
  const sortedMonitors = [...monitors].sort((a, b) => byPosition(a.monitor, b.monitor));
  return [...outputs].sort(byPosition).map((output, index) => ({
    output: output.name,
    file: sortedMonitors[index]?.file ?? '',
  }));
}
