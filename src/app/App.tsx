import { lazy, Suspense, useEffect, useState, type ReactNode } from 'react';
import { CanvasSlot } from '../editor/CanvasSlot.tsx';
import { FlowApiProvider } from '../ui/flow-api.tsx';
import { Palette } from '../editor/Palette.tsx';
import { useEngineClient } from '../engine-client/useEngineClient.ts';
import { useTraining } from '../engine-client/useTraining.ts';
import { I18nProvider } from '../i18n/I18nProvider.tsx';
import type { LanguageStore } from '../i18n/language-store.ts';
import { InspectProvider } from '../panels/inspect/InspectProvider.tsx';
import { useActiveFocus } from '../panels/inspect/useFocus.ts';
import { LessonContext, useLessonState } from '../panels/lesson/LessonContext.tsx';
import { createLessonStore, OPEN_KEY } from '../state/lesson-store.ts';
import { builtInPresets } from './lesson-presets.ts';
import { TrainingProvider } from '../panels/train/TrainingContext.tsx';
import { EditorProvider } from '../state/EditorProvider.tsx';
import './app.css';
import '../editor/editor.css';
import { browserEnv } from './address-bar.ts';
import { CodeButtons } from './export/CodeButtons.tsx';
import { FileDrop } from './FileDrop.tsx';
import { Header } from './Header.tsx';
import { Notices } from './Notices.tsx';
import { StatusLine } from './StatusLine.tsx';
import { useTrainPanel } from './useTrainPanel.ts';
import { useUndoShortcuts } from './useUndoShortcuts.ts';
import { loadWorkspace, type Workspace } from './workspace.ts';
import { WorkspaceProvider } from './WorkspaceContext.tsx';
import { Guarded } from '../ui/Guarded.tsx';

// The Train panel (its charts and d3-shape/d3-axis) loads when first opened, not with the page.
const TrainPanel = lazy(() =>
  import('../panels/train/TrainPanel.tsx').then((m) => ({ default: m.TrainPanel })),
);

// The explain panel (its walk-throughs, editors and exercises) loads when a cell is first
// chosen: the first screen shows numbers, not how they are computed.
const ExplainPanel = lazy(() =>
  import('../panels/explain/ExplainPanel.tsx').then((m) => ({ default: m.ExplainPanel })),
);

/** The explain panel once a cell is chosen (loading it then, if it is not yet). */
function ExplainSlot() {
  const focus = useActiveFocus();
  if (!focus) return null;
  return (
    <Guarded>
      <Suspense fallback={null}>
        <ExplainPanel />
      </Suspense>
    </Guarded>
  );
}

// The lesson player loads when a lesson is first opened.
const LessonPanel = lazy(() =>
  import('../panels/lesson/LessonPanel.tsx').then((m) => ({ default: m.LessonPanel })),
);

/** The lesson player while a lesson is open. */
function LessonSlot() {
  const { lesson } = useLessonState();
  if (!lesson) return null;
  return (
    <Guarded>
      <Suspense fallback={null}>
        <LessonPanel presets={builtInPresets} />
      </Suspense>
    </Guarded>
  );
}

/** The app's frame, hiding what the lesson's step says to hide. */
function AppFrame({ children }: { children: ReactNode }) {
  const { lesson, step, presenting, scale } = useLessonState();
  const hide = lesson?.steps[step]?.hide ?? [];
  const classes = ['cf-app', ...hide.map((h) => `cf-hide-${h}`)];
  if (presenting) classes.push('cf-present');
  return (
    <div className={classes.join(' ')} style={{ ['--ls-scale' as string]: scale }}>
      {children}
    </div>
  );
}

/** The page's localStorage, or null where it is blocked. */
function lessonStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

let startup: Promise<Workspace> | null = null;

/** The page's workspace, read once (StrictMode runs the effect below twice). */
function startupWorkspace(): Promise<Workspace> {
  return (startup ??= loadWorkspace(browserEnv()));
}

/**
 * The editor: header, palette, canvas and status line around one store and one engine.
 * The graph at startup is the saved work, with the address bar's link opened on top; the
 * page stays empty for the moment the saved work takes to read, rather than flash another.
 * `language` is the page's language store (one of its own if omitted).
 */
export function App({ language }: { language?: LanguageStore }) {
  // Not Suspense: React holds back revealing suspended content for up to 300 ms.
  const [workspace, setWorkspace] = useState<Workspace | null>(null);
  useEffect(() => {
    let live = true;
    void startupWorkspace().then((opened) => live && setWorkspace(opened));
    return () => {
      live = false;
    };
  }, []);
  return workspace && <Editor workspace={workspace} language={language} />;
}

function Editor({ workspace, language }: { workspace: Workspace; language?: LanguageStore }) {
  const { store } = workspace;
  const restart = useEngineClient(store);
  const training = useTraining(store);
  const [trainOpen, setTrainOpen] = useTrainPanel(store);
  useEffect(() => workspace.start(window), [workspace]);
  const [lessons] = useState(() => createLessonStore(lessonStorage()));
  // A lesson link (#lesson=…&step=N) opens the lesson, at startup and when the link changes.
  useEffect(() => {
    // The lesson code (its format, the deck) loads only when a lesson is wanted.
    const links = () => import('./lesson-links.ts');
    const open = () => {
      if (/[#&]lesson=/.test(location.hash))
        void links().then((m) => m.openLessonLink(location.hash, lessons, store));
    };
    if (/[#&]lesson=/.test(location.hash)) open();
    // Without a link, the lesson that was open when the page was left opens again.
    else if (lessonStorage()?.getItem(OPEN_KEY))
      void links().then((m) => m.reopenLesson(lessonStorage(), lessons));
    window.addEventListener('hashchange', open);
    return () => window.removeEventListener('hashchange', open);
  }, [lessons, store]);
  useUndoShortcuts(workspace.history);
  return (
    <I18nProvider store={language}>
      <EditorProvider store={store}>
        <WorkspaceProvider workspace={workspace}>
          <FlowApiProvider>
            <InspectProvider>
              <LessonContext.Provider value={lessons}>
                <TrainingProvider training={training}>
                  <AppFrame>
                    <Header
                      onRestart={restart}
                      trainOpen={trainOpen}
                      onToggleTrain={() => setTrainOpen(!trainOpen)}
                    />
                    <main className="cf-main">
                      <div className="cf-left">
                        <div className="cf-sidebar">
                          <Palette />
                          <CodeButtons />
                        </div>
                        <LessonSlot />
                      </div>
                      <CanvasSlot />
                      <ExplainSlot />
                      {trainOpen && (
                        <Guarded>
                          <Suspense fallback={null}>
                            <TrainPanel onClose={() => setTrainOpen(false)} />
                          </Suspense>
                        </Guarded>
                      )}
                      <Notices />
                      <FileDrop />
                    </main>
                    <StatusLine />
                  </AppFrame>
                </TrainingProvider>
              </LessonContext.Provider>
            </InspectProvider>
          </FlowApiProvider>
        </WorkspaceProvider>
      </EditorProvider>
    </I18nProvider>
  );
}
