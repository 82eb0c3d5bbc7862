import { createContext, useContext, useSyncExternalStore, type ReactNode } from 'react';
import type { Training } from '../../engine-client/useTraining.ts';
import { IDLE, type TrainingState } from '../../state/training-store.ts';

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

/**
 * While a run goes on, the watched sample as a node in the trained chain sees it:
 * the node's output (or, for the training input, the sample itself), else null.
 */
export function useLiveOutput(
  nodeId: string,
  inputId: string | undefined,
  shape: readonly number[] | undefined,
): { shape: readonly number[]; data: Float32Array } | null {
  const { watched, phase } = useTrainingState();
  // Only while a run goes on: paused or done, the graph computes its own Input with the
  // weights the run left in it.
  if (!watched || !shape || phase !== 'running') return null;
  const data = nodeId === inputId ? watched.input : watched.outputs.get(nodeId);
  return data && data.length === shape.reduce((a, b) => a * b, 1) ? { shape, data } : null;
}
