import { useMemo } from 'react';
import { resolveNodeWeights } from '../../graph/weights.ts';
import { useEditorState } from '../../state/useEditorState.ts';
import { FilterMaps } from './FilterMaps.tsx';
import { PredictionBars } from './PredictionBars.tsx';
import { useTrainingState } from './TrainingContext.tsx';

/**
 * What a node shows beside its map in a graph that trains: a Conv2D its filters (live while
 * a run goes on), the training output its prediction as bars, right or wrong against the
 * label of the sample on the Input.
 */
export function NodeTraining({ id, output }: { id: string; output: Float32Array | undefined }) {
  const training = useEditorState((s) => s.doc.training);
  const node = useEditorState((s) => s.doc.nodes.find((n) => n.id === id));
  const shape = useEditorState((s) => s.shapes.get(id));
  const inputData = useEditorState((s) => {
    const input = s.doc.nodes.find((n) => n.id === s.doc.training?.input);
    return input?.type === 'Input' ? input.params.tensor.data : undefined;
  });
  const state = useTrainingState();
  const docKernel = useMemo(() => {
    if (node?.type !== 'Conv2D' || !shape?.ok || !shape.window) return null;
    return resolveNodeWeights(node, shape.window.inC);
  }, [node, shape]);
  if (!training || !node) return null;
  if (node.type === 'Conv2D' && docKernel) {
    const live = state.phase === 'running' ? state.kernels.get(id) : undefined;
    const data = live && live.length === docKernel.kernel.length ? live : docKernel.kernel;
    return <FilterMaps shape={docKernel.shape} data={data} />;
  }
  const softmax = node.type === 'Dense' && node.params.activation === 'softmax';
  if (id !== training.output || !softmax || !output || output.length > 20) return null;
  const label =
    state.phase === 'running' && state.watched
      ? state.watched.label
      : state.shown && state.shown.data === inputData
        ? state.shown.label
        : null;
  return <PredictionBars probabilities={output} label={label} />;
}
