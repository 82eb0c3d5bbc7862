import { useEditorState } from '../state/useEditorState.ts';
import type { EngineState, EvaluationStatus } from '../state/types.ts';

function describe(status: EvaluationStatus): string {
  const { recomputed, nodeCount, elapsedMs } = status;
  return `recomputed ${recomputed} of ${nodeCount} nodes in ${elapsedMs.toFixed(1)} ms`;
}

const ENGINE_TEXT: Record<EngineState, string> = {
  starting: 'engine starting…',
  ready: 'engine ready',
  restarting: 'engine restarting…',
  failed: 'engine stopped',
};

/** The last evaluation, in the words the tests read; the engine's state beside it. */
export function StatusLine() {
  const status = useEditorState((s) => s.status);
  const engine = useEditorState((s) => s.engine);
  const busy = useEditorState((s) => s.busy.size);
  return (
    <footer className="cf-statusbar">
      <span role="status" className="cf-status">
        {status ? describe(status) : ''}
      </span>
      <span className={`cf-engine cf-engine-${engine}`}>
        {busy > 0 && engine === 'ready'
          ? `computing ${busy} node${busy === 1 ? '' : 's'}…`
          : ENGINE_TEXT[engine]}
      </span>
    </footer>
  );
}
