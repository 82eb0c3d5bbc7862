import { useEffect } from 'react';
import { stepGraph, type PresetSource } from '../../graph/lesson-steps.ts';
import type { InspectStore } from '../inspect/inspect-store.ts';
import type { EditorStore } from '../../state/editor-store.ts';
import type { LessonStore, StepAnswers } from '../../state/lesson-store.ts';

/**
 * Plays the lesson store's lesson on the editor: each step it goes to loads that step's
 * graph (one undoable load, so the learner may edit it and Undo), selects the node it
 * points at, opens the explain view on its cell, and puts back the answers the learner
 * typed there before; answers typed are remembered with the lesson.
 */
export function useLessonPlayer(
  lessons: LessonStore,
  editor: EditorStore,
  inspect: InspectStore,
  presets: PresetSource,
) {
  useEffect(() => {
    // What was loaded: a step is loaded again only when its graph (or the step, or a reset)
    // changes, not when its narration is edited.
    let shown: unknown[] | null = null;
    let generation = 0;
    let restoring = false;
    let answers = inspect.getState().answers;
    const play = async () => {
      const { lesson, step, resets: reset } = lessons.getState();
      if (!lesson) {
        shown = null;
        return;
      }
      const s0 = lesson.steps[step]!;
      const key = [step, reset, s0.graph, s0.preset, s0.edits];
      if (shown && key.every((k, i) => k === shown![i])) return;
      shown = key;
      const mine = ++generation;
      const graph = await stepGraph(lesson, step, presets);
      if (mine !== generation) return;
      if (!graph.ok) return lessons.failed(graph.error);
      lessons.failed(null);
      const s = lesson.steps[step]!;
      const saved = lessons.getState().progress.answers[String(step)] ?? {};
      // Loading clears the explain view's answers: that is the load, not the learner.
      restoring = true;
      try {
        if (!editor.dispatch([{ kind: 'load', graph: graph.value }]).ok) return;
        for (const [nodeId, cells] of Object.entries(saved))
          for (const [index, text] of Object.entries(cells))
            inspect.answer(nodeId, Number(index), text);
      } finally {
        restoring = false;
        answers = inspect.getState().answers;
      }
      const target = s.explain?.node ?? s.highlight;
      editor.setSelection({ nodes: target ? [target] : [], edges: [] });
      if (s.explain) inspect.focusCell(s.explain.node, s.explain.cell);
    };
    const stop = lessons.subscribe(() => void play());
    void play();
    // Answers typed on a step's exercises are remembered with the lesson.
    const stopAnswers = inspect.subscribe(() => {
      const now = inspect.getState().answers;
      if (now === answers || restoring) return;
      answers = now;
      if (!lessons.getState().lesson || !shown) return;
      const out: StepAnswers = {};
      for (const [nodeId, cells] of now)
        out[nodeId] = Object.fromEntries([...cells].map(([i, t]) => [String(i), t]));
      lessons.recordAnswers(out);
    });
    return () => {
      stop();
      stopAnswers();
    };
  }, [lessons, editor, inspect, presets]);
}
