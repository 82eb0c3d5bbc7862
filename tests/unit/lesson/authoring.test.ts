import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseGraphText } from '../../../src/graph/parse.ts';
import { parseLessonText } from '../../../src/graph/lesson-parse.ts';
import { stepGraph, type PresetSource } from '../../../src/graph/lesson-steps.ts';
import {
  movedStep,
  standalone,
  withoutStep,
  withStep,
  withText,
} from '../../../src/panels/lesson/authoring.ts';
import { createLessonStore } from '../../../src/state/lesson-store.ts';

const presets: PresetSource = async (key) => {
  const parsed = parseGraphText(readFileSync(`presets/${key}.json`, 'utf8'));
  return parsed.ok ? parsed.value : undefined;
};
const deck = (() => {
  const parsed = parseLessonText(readFileSync('presets/lessons/deck.json', 'utf8'));
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
})();
const exerciseStep = deck.steps.findIndex((s) => s.edits);

describe('authoring a lesson', () => {
  it('moving the exercise step keeps its graph: steps are made to stand on their own first', async () => {
    const own = await standalone(deck, presets);
    expect(own.steps.some((s) => s.edits)).toBe(false);
    const moved = movedStep(own, exerciseStep, 0);
    const graph = await stepGraph(moved, 0, presets);
    const before = await stepGraph(deck, exerciseStep, presets);
    expect(graph).toEqual(before);
    // Without standalone, the same move leaves a first step of edits: nothing to edit.
    expect(movedStep(deck, exerciseStep, 0).steps[0]!.edits).toBeDefined();
  });

  it('add, retitle and delete steps; the store makes a copy of the deck and undoes edits', async () => {
    const store = createLessonStore(null);
    store.open(deck, 1);
    const graph = (await presets('05-max-pooling'))!;
    store.edit(withStep(deck, 1, graph), 2);
    const copy = store.getState().lesson!;
    expect(copy.id).not.toBe('deck');
    expect(copy.steps).toHaveLength(deck.steps.length + 1);
    expect(copy.steps[2]!.graph).toBe(graph);
    store.edit(withText(copy, 2, 'title', 'ja', '最大値'), 2);
    expect(store.getState().lesson!.steps[2]!.title).toEqual({ en: 'New step', ja: '最大値' });
    store.edit(withoutStep(store.getState().lesson!, 2), 1);
    expect(store.getState().lesson!.steps).toHaveLength(deck.steps.length);
    store.undoEdit();
    expect(store.getState().lesson!.steps[2]!.title.ja).toBe('最大値');
    store.undoEdit();
    store.undoEdit();
    expect(store.getState().lesson).toBe(deck);
    expect(withoutStep(withoutStep(deck, 0), 0).steps).toHaveLength(deck.steps.length - 2);
  });
});
