import { createEngineApi, type WireReport } from '../../../src/engine/api.ts';
import { parseGraph } from '../../../src/graph/parse.ts';
import type { GraphDocument } from '../../../src/graph/types.ts';
import convValid from '../../../presets/01-conv-valid.json';
import pipeline from '../../../presets/09-pipeline.json';

export function doc(value: unknown): GraphDocument {
  const parsed = parseGraph(value);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
}

export const convValidDoc = (): GraphDocument => doc(convValid);
export const pipelineDoc = (): GraphDocument => doc(pipeline);

/** A report as the engine would send it, for a graph and edits applied in order. */
export async function reportFor(
  graph: GraphDocument,
  edits: Parameters<ReturnType<typeof createEngineApi>['apply']>[0] = [],
): Promise<WireReport> {
  const api = createEngineApi(async () => undefined);
  api.load(graph);
  if (edits.length > 0) api.apply(edits);
  const report = await api.evaluate();
  if (!report) throw new Error('superseded');
  return report;
}

export function values(report: WireReport, id: string): number[] {
  const output = report.outputs.find((o) => o.id === id);
  if (!output) throw new Error(`no output for ${id}`);
  return [...output.data];
}
