import { useEffect, useMemo } from 'react';
import type { EditorStore } from '../state/editor-store.ts';
import { createTrainingStore, type TrainingStore } from '../state/training-store.ts';
import { createTrainingClient } from './training-client.ts';
import { createTrainingController, type TrainingController } from './training-controller.ts';

export interface Training {
  store: TrainingStore;
  controller: TrainingController;
}

const STRUCTURAL = new Set(['addNode', 'removeNode', 'addEdge', 'removeEdge']);

/**
 * Training for the editor while mounted: its store, and a controller over a training worker
 * started on the first run. A structural edit while a run goes on pauses it and says why;
 * another graph drops the run.
 */
export function useTraining(editor: EditorStore): Training {
  const training = useMemo(() => {
    const store = createTrainingStore();
    const client = createTrainingClient((reason) => store.failed(reason));
    return { store, client, controller: createTrainingController(editor, store, client) };
  }, [editor]);
  useEffect(() => {
    const stop = editor.onEdits((event) => {
      if (event.edits.some((e) => e.kind === 'load')) return training.controller.forget();
      const phase = training.store.getState().phase;
      if (phase !== 'running' && phase !== 'paused') return;
      if (!event.edits.some((e) => STRUCTURAL.has(e.kind))) return;
      void training.controller
        .stop()
        .then(() => editor.pushNotice('info', { key: 'train.stoppedByEdit' }));
    });
    return () => {
      stop();
      training.client.dispose();
    };
  }, [editor, training]);
  return training;
}
