import { describe, expect, it } from 'vitest';
import { parseLesson } from '../../../src/graph/lesson-parse.ts';
import { createLessonStore, OPEN_KEY } from '../../../src/state/lesson-store.ts';

const lesson = (() => {
  const step = (n: number) => ({ title: { en: `S${n}` }, narration: { en: 'N' }, preset: 'a' });
  const parsed = parseLesson({
    format: 'convflow-lesson',
    version: 1,
    id: 'mine',
    title: { en: 'T' },
    steps: [step(1), step(2), step(3)],
  });
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
})();

function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return {
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
    data,
  };
}

describe('the lesson store', () => {
  it('remembers the step, the steps visited and the answers, per lesson id', () => {
    const storage = memoryStorage();
    const store = createLessonStore(storage);
    store.open(lesson);
    store.go(2);
    store.recordAnswers({ conv: { '4': '3' } });
    const again = createLessonStore(storage);
    again.open(lesson);
    expect(again.getState()).toMatchObject({
      step: 2,
      progress: { visited: [0, 2], answers: { '2': { conv: { '4': '3' } } } },
    });
    again.resetStep();
    expect(again.getState().progress.answers).toEqual({});
    expect(again.getState().resets).toBe(1);
    expect(JSON.parse(storage.data.get(OPEN_KEY)!)).toMatchObject({ id: 'mine' });
  });

  it('a link step wins over the remembered one; steps out of range are clamped', () => {
    const store = createLessonStore(memoryStorage());
    store.open(lesson, 1);
    expect(store.getState().step).toBe(1);
    store.go(99);
    expect(store.getState().step).toBe(2);
    store.go(-3);
    expect(store.getState().step).toBe(0);
  });

  it('damaged or hostile progress is ignored, never trusted', () => {
    // As a hostile page would write it: "__proto__" as an own key of the JSON.
    const hostile = `{"step": 7, "visited": [0, "x", 9, 1], "answers": {"1": {"__proto__": {"polluted": "yes"}, "conv": {"0": "${'x'.repeat(100)}", "1": "2"}}, "8": {}}}`;
    const storage = memoryStorage({ 'convflow.lesson.mine': hostile });
    const store = createLessonStore(storage);
    store.open(lesson);
    const { step, progress } = store.getState();
    expect(step).toBe(0);
    expect(progress.visited).toEqual([0, 1]);
    expect(progress.answers).toEqual({ '1': { conv: { '1': '2' } } });
    expect(Object.getPrototypeOf(progress.answers['1'])).toBe(Object.prototype);
    expect(({} as { polluted?: string }).polluted).toBeUndefined();
    const broken = createLessonStore(memoryStorage({ 'convflow.lesson.mine': '{not json' }));
    broken.open(lesson);
    expect(broken.getState().progress).toEqual({ step: 0, visited: [0], answers: {} });
  });

  it('storage that throws: the lesson plays on, unremembered', () => {
    const store = createLessonStore({
      getItem: () => {
        throw new Error('blocked');
      },
      setItem: () => {
        throw new Error('full');
      },
    });
    store.open(lesson, 1);
    store.recordAnswers({ a: { '0': '1' } });
    expect(store.getState().step).toBe(1);
  });
});
