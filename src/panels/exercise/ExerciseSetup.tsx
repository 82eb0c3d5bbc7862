import type { Exercise } from '../../graph/types.ts';
import { useT } from '../../i18n/useT.ts';
import '../../i18n/explain-messages.ts';
import { useEditorStore } from '../../state/useEditorStore.ts';
import { MiniGrid } from '../explain/MiniGrid.tsx';
import type { ShownTensor } from '../inspect/useNodeData.ts';
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
 * For the teacher: which output cells the learner computes. All of them, none, or the cells
 * clicked here; the choice is part of the document, so a share link carries it.
 */
export function ExerciseSetup({ nodeId, output, channel }: ExerciseSetupProps) {
  const t = useT();
  const store = useEditorStore();
  const exercise = useExerciseSpec(nodeId);
  if (!exercise || output.shape.length !== 3) return null;
  const [h, w] = output.shape;
  const hidden = hiddenCells(exercise, output.data.length);
  const set = (next: Exercise) =>
    store.dispatch([{ kind: 'setExercise', id: nodeId, exercise: next }]);
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
        <span className="ex-note">
          {t('exercise.count', { n: hidden.length, total: output.data.length })}
        </span>
      </div>
      {h <= MAX_SIDE && w <= MAX_SIDE && (
        <CellPicker {...{ exercise, output, channel }} onChange={set} />
      )}
    </section>
  );
}

interface CellPickerProps {
  exercise: Exercise;
  output: ShownTensor;
  channel: number;
  onChange(exercise: Exercise): void;
}

/** The output's cells as toggle buttons: pressed = hidden from the learner. */
function CellPicker({ exercise, output, channel, onChange }: CellPickerProps) {
  const t = useT();
  const [h, w, c] = output.shape;
  const size = output.data.length;
  const hidden = new Set(hiddenCells(exercise, size));
  const at = (row: number, col: number) => (row * w + col) * c + channel;
  return (
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
        onCellClick={(row, col) => onChange(toggleHidden(exercise, size, at(row, col)))}
      />
    </>
  );
}
