import type { MessageKey } from '../i18n/en.ts';
import { useT } from '../i18n/useT.ts';
import { useEditorState } from '../state/useEditorState.ts';
import type { EngineState, EvaluationStatus } from '../state/types.ts';
import { useKeepChangeOutline } from '../panels/heatmap/change-outline.ts';
import { COLOR_MAPS, useColorMap, type ColorMapName } from '../panels/heatmap/color-maps.ts';
import { useElapsedSeconds } from './useElapsedSeconds.ts';

/** After this many seconds of computing, the status bar counts them and says edits still work. */
export const LONG_RUN_SECONDS = 3;

const ENGINE_TEXT: Record<EngineState, MessageKey> = {
  starting: 'engine.starting',
  ready: 'engine.ready',
  restarting: 'engine.restarting',
  failed: 'engine.failed',
};

function describe(t: ReturnType<typeof useT>, status: EvaluationStatus): string {
  const { recomputed, nodeCount, elapsedMs } = status;
  return t('status.recomputed', { k: recomputed, n: nodeCount, ms: elapsedMs.toFixed(1) });
}

/** The last evaluation, in the words the tests read; the engine's state beside it. */
export function StatusLine() {
  const status = useEditorState((s) => s.status);
  const engine = useEditorState((s) => s.engine);
  const busy = useEditorState((s) => s.busy.size);
  const t = useT();
  const [keep, setKeep] = useKeepChangeOutline();
  const [map, setMap] = useColorMap();
  // Seconds of work so far: a first evaluation runs while the engine is still "starting".
  const seconds = useElapsedSeconds(busy > 0 && engine !== 'failed' ? engine : null);
  let engineText =
    busy > 0 && engine === 'ready'
      ? t(busy === 1 ? 'engine.computingOne' : 'engine.computing', { count: busy })
      : t(ENGINE_TEXT[engine]);
  if (seconds >= LONG_RUN_SECONDS)
    engineText = t('engine.longRun', { text: engineText, s: seconds });
  return (
    <footer className="cf-statusbar">
      <span role="status" className="cf-status">
        {status ? describe(t, status) : ''}
      </span>
      <label className="cf-color-map">
        {t('status.colorMap')}
        <select value={map} onChange={(e) => setMap(e.target.value as ColorMapName)}>
          {(Object.keys(COLOR_MAPS) as ColorMapName[]).map((name) => (
            <option key={name} value={name}>
              {t(`status.colorMap.${name}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="cf-keep-outline" title={t('status.keepOutlineHint')}>
        <input type="checkbox" checked={keep} onChange={(e) => setKeep(e.target.checked)} />
        {t('status.keepOutline')}
      </label>
      <span className={`cf-engine cf-engine-${engine}`}>{engineText}</span>
    </footer>
  );
}
