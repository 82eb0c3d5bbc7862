import type { PresetSource } from '../graph/lesson-steps.ts';
import { parseGraph } from '../graph/parse.ts';
import { PRESETS } from './presets.ts';

/** The built-in presets by name, as lessons name them. */
export const builtInPresets: PresetSource = async (key) => {
  const preset = PRESETS.find((p) => p.key === key);
  if (!preset) return undefined;
  const parsed = parseGraph(await preset.load());
  return parsed.ok ? parsed.value : undefined;
};
