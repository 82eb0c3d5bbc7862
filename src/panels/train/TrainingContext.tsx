import { createContext, useContext, useSyncExternalStore, type ReactNode } from 'react';
import type { Training } from '../../engine-client/useTraining.ts';
import { IDLE, type TrainingState } from '../../state/training-store.ts';
import { useEditorState } from '../../state/useEditorState.ts';

const TrainingContext = createContext<Training | null>(null);

export function TrainingProvider({
  training,
  children,
}: {
  training: Training;
  children: ReactNode;
}) {
  return <TrainingContext.Provider value={training}>{children}</TrainingContext.Provider>;
}

/** The training the app runs; null outside a provider (tests of single components). */
export function useTraining(): Training | null {
  return useContext(TrainingContext);
}

/** The training state, or the idle one outside a provider. */
export function useTrainingState(): TrainingState {
  const training = useContext(TrainingContext);
  return useSyncExternalStore(
    (l) => training?.store.subscribe(l) ?? (() => undefined),
    () => training?.store.getState() ?? IDLE,
  );
}

/** Maps with more values than this are drawn as pixels while a run is prepared or goes on. */
export const PIXELS_ABOVE = 100;

/**
 * Whether a node's map is drawn as pixels rather than numbered cells: from the moment a run
 * is ready until it is reset or stopped, for the training input and the chain's nodes whose
 * output holds more than {@link PIXELS_ABOVE} values. Their numbers change with every slice
 * (too fast to read), and a LeNet's thousands of numbered cells, laid out anew ten times a
 * second, cost the page its frames; switching when the run is prepared, not when it starts,
 * keeps the switch out of the run.
 */
export function usePixelsWhileTraining(
  nodeId: string,
  inputId: string | undefined,
  values: number,
): boolean {
  const { phase, info } = useTrainingState();
  if (phase === 'idle' || phase === 'failed' || !info || values <= PIXELS_ABOVE) return false;
  return nodeId === inputId || info.chain.includes(nodeId);
}

/**
 * What a node of the trained chain shows instead of the engine's output: while a run goes
 * on, the watched sample's output (`live`); with "Why it said that" on, the gradient at its
 * output for the graph's own Input (`gradient`). Null otherwise.
 */
export function useLiveOutput(
  nodeId: string,
  inputId: string | undefined,
  shape: readonly number[] | undefined,
): { shape: readonly number[]; data: Float32Array; kind: 'live' | 'gradient' } | null {
  const { watched, phase, saliency } = useTrainingState();
  const inputData = useEditorState((s) => {
    const input = s.doc.nodes.find((n) => n.id === inputId);
    return input?.type === 'Input' ? input.params.tensor.data : undefined;
  });
  if (!shape) return null;
  const fits = (data: Float32Array | undefined) =>
    data !== undefined && data.length === shape.reduce((a, b) => a * b, 1);
  if (phase === 'running' && watched) {
    const data = nodeId === inputId ? watched.input : watched.outputs.get(nodeId);
    return fits(data) ? { shape, data: data!, kind: 'live' } : null;
  }
  // Paused or done, the graph computes its own Input with the weights the run left in it.
  if (saliency && saliency.of === inputData) {
    const data = saliency.maps.get(nodeId);
    return fits(data) ? { shape, data: data!, kind: 'gradient' } : null;
  }
  return null;
}
