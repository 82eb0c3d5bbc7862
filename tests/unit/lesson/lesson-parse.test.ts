import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeLessonLink, encodeLessonLink } from '../../../src/graph/lesson-link.ts';
import { parseLesson, parseLessonText } from '../../../src/graph/lesson-parse.ts';
import { stepGraph, type PresetSource } from '../../../src/graph/lesson-steps.ts';
import { parseGraphText } from '../../../src/graph/parse.ts';

const deckText = readFileSync('presets/lessons/deck.json', 'utf8');
const presets: PresetSource = async (key) => {
  try {
    const parsed = parseGraphText(readFileSync(`presets/${key}.json`, 'utf8'));
    return parsed.ok ? parsed.value : undefined;
  } catch {
    return undefined;
  }
};
const lesson = (steps: unknown[], extra: object = {}) => ({
  format: 'convflow-lesson',
  version: 1,
  id: 'test',
  title: { en: 'A test' },
  steps,
  ...extra,
});
const step = (extra: object) => ({ title: { en: 'S' }, narration: { en: 'N' }, ...extra });

describe('lesson files', () => {
  it('the deck lesson parses and every step has a graph that computes from a preset', async () => {
    const parsed = parseLessonText(deckText);
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.value.steps.length).toBeGreaterThanOrEqual(14);
    for (let i = 0; i < parsed.value.steps.length; i++) {
      const graph = await stepGraph(parsed.value, i, presets);
      expect(graph.ok, `step ${i + 1}: ${graph.ok ? '' : graph.error}`).toBe(true);
      const s = parsed.value.steps[i]!;
      expect(s.title.en && s.title.ja && s.narration.en && s.narration.ja).toBeTruthy();
    }
  });

  it('edits apply to the previous step: the exercise step hides three cells of slide 2', async () => {
    const parsed = parseLessonText(deckText);
    if (!parsed.ok) throw new Error(parsed.error);
    const i = parsed.value.steps.findIndex((s) => s.edits);
    const graph = await stepGraph(parsed.value, i, presets);
    if (!graph.ok) throw new Error(graph.error);
    const conv = graph.value.nodes.find((n) => n.id === 'conv')!;
    expect('exercise' in conv && conv.exercise).toEqual({ hidden: [2, 6, 18] });
  });

  it.each([
    ['not a lesson', { format: 'convflow-graph' }, /^format: expected "convflow-lesson"/],
    ['no steps', lesson([]), /^steps: expected at least one step/],
    ['a step that is not a graph', lesson([step({ graph: { nodes: 3 } })]), /^steps\[0\]\.graph: /],
    [
      'a step with two sources',
      lesson([step({ preset: '01-conv-valid', graph: {} })]),
      /exactly one of/,
    ],
    [
      'a first step of edits',
      lesson([step({ edits: [{ kind: 'setParams', id: 'a', params: {} }] })]),
      /first step has no previous graph/,
    ],
    [
      'a load edit',
      lesson([step({ preset: 'x' }), step({ edits: [{ kind: 'load', graph: {} }] })]),
      /^steps\[1\]\.edits\[0\]/,
    ],
    [
      'a million steps',
      lesson(new Array(1_000_000).fill(0)),
      /^steps: expected at most 200 steps, got 1000000$/,
    ],
    [
      'a 50 MB narration',
      lesson([step({ preset: 'x', narration: { en: 'x'.repeat(50_000_000) } })]),
      /^steps\[0\]\.narration\.en: expected at most 20000 characters/,
    ],
    [
      'a __proto__ key',
      JSON.parse(
        '{"format":"convflow-lesson","version":1,"id":"a","title":{"en":"t"},"steps":[{"title":{"en":"s"},"narration":{"en":"n"},"preset":"a"}],"__proto__":{"x":1}}',
      ),
      /__proto__/,
    ],
    [
      'a hide of something else',
      lesson([step({ preset: 'x', hide: ['header'] })]),
      /^steps\[0\]\.hide\[0\]: expected "palette" or "params" or "train"/,
    ],
  ])('refuses %s with the reason', (_, value, message) => {
    const parsed = parseLesson(value);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(message);
  });

  it('a 50 MB lesson text is refused before it is parsed', () => {
    const parsed = parseLessonText(' '.repeat(50_000_000));
    expect(parsed).toEqual({
      ok: false,
      error: 'lesson is 50000000 characters, over the limit of 16777216',
    });
  });

  it('a missing preset and an edit that does not apply name their step', async () => {
    const bad = parseLesson(
      lesson([
        step({ preset: '01-conv-valid' }),
        step({ edits: [{ kind: 'setParams', id: 'nope', params: {} }] }),
        step({ preset: 'no-such-preset' }),
      ]),
    );
    if (!bad.ok) throw new Error(bad.error);
    expect(await stepGraph(bad.value, 1, presets)).toMatchObject({
      ok: false,
      error: /^steps\[1\]\.edits: .*nope/,
    });
    expect(await stepGraph(bad.value, 2, presets)).toEqual({
      ok: false,
      error: 'steps[2].preset: there is no preset "no-such-preset"',
    });
  });
});

describe('lesson links', () => {
  it('round-trip a lesson and the step it opens at', () => {
    const parsed = parseLessonText(deckText);
    if (!parsed.ok) throw new Error(parsed.error);
    const link = encodeLessonLink(parsed.value, 2);
    expect(link).toMatch(/^#lesson=z1\.[A-Za-z0-9_-]+&step=3$/);
    const back = decodeLessonLink(`https://example.org/${link}`);
    if (!back.ok) throw new Error(back.error);
    expect(back.value.step).toBe(2);
    expect(back.value.lesson).toEqual(parsed.value);
  });

  it('a damaged link and a step out of range', () => {
    const parsed = parseLessonText(deckText);
    if (!parsed.ok) throw new Error(parsed.error);
    const link = encodeLessonLink(parsed.value, 0);
    expect(decodeLessonLink(link.slice(0, 60))).toMatchObject({
      ok: false,
      error: /^link is damaged/,
    });
    const far = decodeLessonLink(link.replace('&step=1', '&step=999'));
    expect(far.ok && far.value.step).toBe(0);
  });
});
