import { lazy, Suspense, useCallback, useMemo, type MouseEvent } from 'react';
import type { NodeType } from '../../graph/types.ts';
import { useT } from '../../i18n/useT.ts';
import { PracticeBar } from '../../panels/exercise/PracticeBar.tsx';
import { useExerciseSpec } from '../../panels/exercise/useExercise.ts';
import { useActiveFocus, useSelectCell, useTraceMask } from '../../panels/inspect/useFocus.ts';
import { useInspectStore } from '../../panels/inspect/useInspect.ts';
import { layoutFor, type CellPos, type HeatmapCell } from '../../panels/heatmap/map-layout.ts';
import { TensorHeatmap } from '../../panels/heatmap/TensorHeatmap.tsx';
import { Guarded } from '../../ui/Guarded.tsx';

// Answer fields and marking load with the first exercise, not with the page.
const ExerciseGrid = lazy(() =>
  import('../../panels/exercise/ExerciseGrid.tsx').then((m) => ({ default: m.ExerciseGrid })),
);

export interface NodeOutputProps {
  id: string;
  type: NodeType;
  tensor: { shape: readonly number[]; data: Float32Array };
  busy: boolean;
  /** Drawn as pixels even if small (a training run's big maps: see usePixelsWhileTraining). */
  pixels?: boolean;
}

/**
 * A node's output on the canvas: its heatmap, where selecting a cell opens the explain view
 * and cells upstream of the focused cell are outlined; or, during an exercise, the worksheet.
 * Under it, "Explain" (on an Input "Edit values") opens the panel on the first cell, and
 * Conv2D and MaxPool add the practice switch.
 */
export function NodeOutput({ id, type, tensor, busy, pixels = false }: NodeOutputProps) {
  const exercise = useExerciseSpec(id);
  const focus = useActiveFocus();
  const highlight = useTraceMask(id);
  const select = useSelectCell(id);
  const inspect = useInspectStore();
  const t = useT();
  const focusIndex = focus?.nodeId === id ? focus.index : null;
  const selectedCell = useMemo(
    () => (focusIndex === null ? null : cellPosOf(tensor.shape, tensor.data.length, focusIndex)),
    [tensor.shape, tensor.data.length, focusIndex],
  );
  const onSelectCell = useCallback((cell: HeatmapCell) => select(cell.index), [select]);
  const practice = type === 'Conv2D' || type === 'MaxPool';
  // A click on a cell of an Input's map puts the caret in that cell's field in the panel.
  const onClick = (e: MouseEvent) => {
    if (type === 'Input' && (e.target as HTMLElement).closest('[data-row]')) inspect.requestEdit();
  };
  const heatmap = (
    <TensorHeatmap
      {...{ tensor, busy, selectedCell, highlight, onSelectCell }}
      nodeId={id}
      pixels={pixels}
    />
  );
  return (
    <div onClick={onClick}>
      {exercise ? (
        <Guarded>
          <Suspense fallback={heatmap}>
            <ExerciseGrid nodeId={id} tensor={tensor} busy={busy} />
          </Suspense>
        </Guarded>
      ) : (
        heatmap
      )}
      <div className="xa-bar nodrag">
        <button type="button" className="xa-toggle" onClick={() => select(0)}>
          {t(type === 'Input' ? 'explain.editValues' : 'explain.open')}
        </button>
        {practice && <PracticeBar nodeId={id} tensor={tensor} />}
      </div>
    </div>
  );
}

/** The heatmap position of a flat index. */
function cellPosOf(shape: readonly number[], length: number, index: number): CellPos | null {
  const layout = layoutFor(shape, length);
  if (typeof layout === 'string' || index >= length) return null;
  const linear = Math.floor(index / layout.channels);
  return {
    channel: index % layout.channels,
    row: Math.floor(linear / layout.cols),
    col: linear % layout.cols,
  };
}
