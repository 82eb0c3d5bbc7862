import { useT } from '../../i18n/useT.ts';
import { useEditorStore } from '../../state/useEditorStore.ts';
import { MiniGrid } from '../explain/MiniGrid.tsx';
import type { ShownTensor } from '../explain/useNodeData.ts';
import { hiddenCells, toggleHidden } from './marking.ts';
import { useExerciseSpec } from './useExercise.ts';

const MAX_SIDE = 16;

export interface ExerciseSetupProps {
  nodeId: string;
  output: ShownTensor;
  /** The output channel (filter) whose cells are offered. */
  channel: number;
}

/**
 * For the teacher: which output cells the learner computes. All of them, or the cells
 * clicked here; the choice is part of the document, so a share link carries it.
 */
export function ExerciseSetup({ nodeId, output, channel }: ExerciseSetupProps) {
  const t = useT();
  const store = useEditorStore();
  const exercise = useExerciseSpec(nodeId);
  if (!exercise || output.shape.length !== 3) return null;
  const [h, w, c] = output.shape;
  const size = output.data.length;
  const hidden = new Set(hiddenCells(exercise, size));
  const set = (next: unknown) =>
    store.dispatch([{ kind: 'setExercise', id: nodeId, exercise: next }]);
  const at = (row: number, col: number) => (row * w + col) * c + channel;
  return (
    <section className="ex-section" aria-label={t('exercise.setup')}>
      <h3 className="ex-heading">{t('exercise.setup')}</h3>
      <div className="xa-setup-row">
        <button
          type="button"
          className="cf-button"
          aria-pressed={exercise.hidden === 'all'}
          onClick={() => set({ hidden: 'all' })}
        >
          {t('exercise.all')}
        </button>
        <button type="button" className="cf-button" onClick={() => set({ hidden: [] })}>
          {t('exercise.none')}
        </button>
        <span className="ex-note">{t('exercise.count', { n: hidden.size, total: size })}</span>
      </div>
      {h <= MAX_SIDE && w <= MAX_SIDE && (
        <>
          <p className="ex-note">{t('exercise.choose')}</p>
          <MiniGrid
            label={t('exercise.chooseGrid', { c: channel })}
            rows={h}
            cols={w}
            className="xa-picker"
            focusable
            cell={(row, col) => ({
              text: hidden.has(at(row, col)) ? '?' : '',
              className: hidden.has(at(row, col)) ? 'xa-picked' : '',
              label: t('exercise.cell', { row, col }),
              pressed: hidden.has(at(row, col)),
            })}
            onCellClick={(row, col) => set(toggleHidden(exercise, size, at(row, col)))}
          />
        </>
      )}
    </section>
  );
}
