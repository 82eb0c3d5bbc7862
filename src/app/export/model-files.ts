import { importTfjsModel } from '../../graph/import-tfjs.ts';
import type { GraphDocument } from '../../graph/types.ts';
import type { Message } from '../../i18n/translate.ts';

/** Most bytes of model files read at once: far more than any model within convflow's limits. */
export const MAX_MODEL_BYTES = 64 * 1024 * 1024;

/** A chosen file as far as matching goes: its name and, once read, its bytes. */
export interface NamedBuffer {
  name: string;
  buffer: ArrayBuffer;
}

export type ModelImport =
  { ok: true; doc: GraphDocument; notes: string[]; name: string } | { ok: false; message: Message };

/** The `model.json` among chosen files (the first `.json`), and the weight files (the rest). */
export function splitModelFiles<F extends { name: string }>(files: readonly F[]) {
  const json = files.find((f) => /\.json$/i.test(f.name)) ?? null;
  return { json, bins: files.filter((f) => f !== json) };
}

/**
 * The weight buffers as the manifest names them, matched to the chosen files by file name
 * (a manifest path `shards/group1-shard1of1.bin` matches a file `group1-shard1of1.bin`).
 * Paths without a file are left out: the importer then names the missing one.
 */
export function weightBuffersFor(
  manifest: unknown,
  files: readonly NamedBuffer[],
): Record<string, ArrayBuffer> {
  const out: Record<string, ArrayBuffer> = {};
  const groups = Array.isArray(manifest) ? (manifest as { paths?: unknown }[]) : [];
  for (const group of groups) {
    for (const path of Array.isArray(group.paths) ? group.paths : []) {
      if (typeof path !== 'string') continue;
      const file = files.find((f) => f.name === path.split('/').pop());
      if (file) out[path] = file.buffer;
    }
  }
  return out;
}

/**
 * A TensorFlow.js layers model from its `model.json` text and optional weight files, as a
 * graph document; refusals (bad JSON, unsupported layers, missing shards) as messages.
 */
export function importModelText(name: string, text: string, bins: readonly NamedBuffer[]) {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return fail({ key: 'import.badJson', params: { name, reason: (e as Error).message } });
  }
  const manifest = (json as { weightsManifest?: unknown } | null)?.weightsManifest;
  const weights = bins.length > 0 ? weightBuffersFor(manifest, bins) : undefined;
  const result = importTfjsModel(json, weights);
  if (!result.ok) return fail({ key: 'import.failed', params: { name, reason: result.error } });
  return { ok: true, doc: result.value, notes: result.notes, name } satisfies ModelImport;
}

function fail(message: Message): ModelImport {
  return { ok: false, message };
}

/** Read the chosen files and import them (see {@link importModelText}). */
export async function importModelFiles(files: readonly File[]): Promise<ModelImport> {
  const { json, bins } = splitModelFiles(files);
  if (!json) return fail({ key: 'import.noJson' });
  const total = files.reduce((n, f) => n + f.size, 0);
  if (total > MAX_MODEL_BYTES)
    return fail({
      key: 'import.tooLarge',
      params: { mb: Math.ceil(total / 2 ** 20), max: MAX_MODEL_BYTES / 2 ** 20 },
    });
  const buffers = await Promise.all(
    bins.map(async (f) => ({ name: f.name, buffer: await f.arrayBuffer() })),
  );
  return importModelText(json.name, await json.text(), buffers);
}
