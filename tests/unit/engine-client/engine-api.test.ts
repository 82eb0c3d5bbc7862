import { describe, expect, it } from 'vitest';
import { createEngineApi, transferablesOf, yieldToEventLoop } from '../../../src/engine/api.ts';
import { parseGraph } from '../../../src/graph/parse.ts';
import convValidJson from '../../../presets/01-conv-valid.json';

/** The engine takes documents the page checked. */
const parsed = parseGraph(convValidJson);
if (!parsed.ok) throw new Error(parsed.error);
const convValid = parsed.value;

describe('createEngineApi', () => {
  it('load, evaluate: the slide numbers, as structured-clone friendly data', async () => {
    const api = createEngineApi();
    expect(api.load(convValid)).toEqual({ ok: true, epoch: 1 });
    const report = await api.evaluate();
    expect(report).not.toBeNull();
    const conv = report!.outputs.find((o) => o.id === 'conv')!;
    expect(conv.shape).toEqual([3, 3, 1]);
    expect([...conv.data]).toEqual([3, 0, 1, 0, 2, 0, 1, 0, 3]);
    expect(report!.recomputed).toEqual(['input', 'conv']);
    expect(structuredClone(report)).toEqual(report);
    expect(transferablesOf(report!)).toHaveLength(2);
  });

  it('refuses an edit out of step with a message and keeps the graph', async () => {
    const api = createEngineApi();
    api.load(convValid);
    const ghost = api.apply([{ kind: 'removeNode', id: 'ghost' }]);
    expect(ghost).toEqual({ ok: false, error: 'no node with id "ghost"' });
    const bad = api.apply([{ kind: 'addEdge', source: 'conv', target: 'input' }]);
    expect(bad).toMatchObject({ ok: false, error: expect.stringContaining('Input') });
    expect((await api.evaluate())?.nodeCount).toBe(2);
  });

  it('outputs are copies: transferring (detaching) one leaves the cache intact', async () => {
    const api = createEngineApi();
    api.load(convValid);
    const first = await api.evaluate();
    structuredClone(first, { transfer: transferablesOf(first!) });
    api.apply([{ kind: 'setParams', id: 'conv', params: { padding: 'same' } }]);
    const second = await api.evaluate();
    expect(second!.recomputed).toEqual(['conv']);
    expect(second!.outputs[0]!.data[6]).toBe(3);
  });

  it('an edit during an evaluation supersedes it (null); the next one delivers all', async () => {
    let resume = () => {};
    const paused = new Promise<void>((resolve) => (resume = resolve));
    let pauses = 0;
    const api = createEngineApi(() => (pauses++ === 0 ? paused : Promise.resolve()));
    api.load(convValid);
    const running = api.evaluate();
    await yieldToEventLoop(); // now paused after the first node
    api.apply([{ kind: 'setParams', id: 'conv', params: { padding: 'same' } }]);
    resume();
    expect(await running).toBeNull();
    const report = await api.evaluate();
    expect(report!.recomputed).toEqual(['input', 'conv']);
    expect(report!.epoch).toBe(2);
  });

  it('pauses between nodes (not after the last), or with yieldEveryMs once that long passed', async () => {
    let pauses = 0;
    const counted = async () => void pauses++;
    const every = createEngineApi(counted);
    every.load(convValid);
    await every.evaluate();
    expect(pauses).toBe(1);
    pauses = 0;
    const paced = createEngineApi(counted, { yieldEveryMs: 60_000 });
    paced.load(convValid);
    expect((await paced.evaluate())!.recomputed).toEqual(['input', 'conv']);
    expect(pauses).toBe(0);
  });

  it('two evaluate calls at once run one after the other', async () => {
    const api = createEngineApi(yieldToEventLoop);
    api.load(convValid);
    const [a, b] = await Promise.all([api.evaluate(), api.evaluate()]);
    expect(a!.recomputed).toEqual(['input', 'conv']);
    expect(b!.recomputed).toEqual([]);
  });
});
