import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEngineApi, toWireReport, transferablesOf } from '../../src/engine/api.ts';
import { EngineSession } from '../../src/engine/session.ts';
import { SHARE_FROM_VALUES, SharedOutputs } from '../../src/engine/shared-outputs.ts';
import type { GraphEdit } from '../../src/graph/edits.ts';
import type { GraphDocument } from '../../src/graph/types.ts';
import { pipelineDocument } from './helpers.ts';

/**
 * in 40×40×3 (4,800 values) → c1 Conv2D 8 (3×3 same, 12,800) → p MaxPool 2×2 (3,200) →
 * d Dense 4. Shared from 4,096 values: in and c1 are lent, p and d copied.
 */
const doc = (): GraphDocument => pipelineDocument(40, 8, 4);

const activation = (i: number): GraphEdit => ({
  kind: 'setParams',
  id: 'c1',
  params: { activation: i % 2 ? 'relu' : 'linear' },
});
const cell = (index: number, value: number): GraphEdit => ({
  kind: 'setCells',
  id: 'in',
  param: 'tensor',
  cells: [{ index, value }],
});

function sharedSession() {
  const shared = new SharedOutputs();
  const session = new EngineSession(undefined, { memory: shared });
  session.load(doc());
  return { shared, session, report: () => toWireReport(session.evaluate(), shared) };
}

/** What a session without shared memory computes for the same document. */
function freshOutputs(document: GraphDocument): Map<string, Float32Array> {
  const fresh = new EngineSession();
  fresh.load(document);
  return new Map(toWireReport(fresh.evaluate()).outputs.map((o) => [o.id, o.data]));
}

describe('outputs in shared memory', () => {
  it('lends outputs of 4,096 values and more, and copies smaller ones', () => {
    const { report } = sharedSession();
    const wire = report();
    const lent = wire.outputs.filter((o) => o.lease !== undefined).map((o) => o.id);
    expect(lent).toEqual(['in', 'c1']);
    for (const o of wire.outputs)
      expect(o.data.buffer instanceof SharedArrayBuffer, o.id).toBe(o.lease !== undefined);
    expect(wire.outputs.find((o) => o.id === 'p')!.data.length).toBeLessThan(SHARE_FROM_VALUES);
    // Only the copies are moved: a SharedArrayBuffer cannot be transferred.
    expect(transferablesOf(wire)).toHaveLength(wire.outputs.length - 2);
    structuredClone(wire, { transfer: transferablesOf(wire) });
  });

  it('never writes an output the page holds; reuses it once the page gives it back', () => {
    const { shared, session, report } = sharedSession();
    const first = report().outputs.find((o) => o.id === 'c1')!;
    const kept = first.data.slice();
    expect(session.apply([activation(1)]).ok).toBe(true);
    const second = report().outputs.find((o) => o.id === 'c1')!;
    // relu changed c1's numbers, in another array: the page's stayed as it was.
    expect(second.data).not.toBe(first.data);
    expect(Array.from(second.data)).not.toEqual(Array.from(kept));
    expect(first.data).toEqual(kept);
    expect(shared.counts).toEqual({ lent: 3, free: 0 });

    shared.release([first.lease!]);
    expect(shared.counts).toEqual({ lent: 2, free: 1 });
    expect(session.apply([activation(2)]).ok).toBe(true);
    const third = report().outputs.find((o) => o.id === 'c1')!;
    expect(third.data).toBe(first.data); // the given-back array, reused
    expect(third.data).toEqual(freshOutputs(session.document).get('c1'));
    expect(second.data).toEqual(freshOutputs(parsedWith(activation(1))).get('c1'));
  });

  it('a lease given back while the engine still reads the array frees nothing', () => {
    const { shared, session, report } = sharedSession();
    const wire = report();
    shared.release(wire.outputs.flatMap((o) => (o.lease === undefined ? [] : [o.lease])));
    expect(shared.counts).toEqual({ lent: 0, free: 0 });
    // in and c1 are still the session's outputs, which an edit of c1 reads: in must stay whole.
    const inBefore = session.output('in')!.data.slice();
    expect(session.apply([activation(1)]).ok).toBe(true);
    report();
    expect(session.output('in')!.data).toEqual(inBefore);
    expect(session.output('c1')!.data).toEqual(freshOutputs(session.document).get('c1'));
  });

  it('forgets leases of removed nodes once the page gives them back', () => {
    const { shared, session, report } = sharedSession();
    const wire = report();
    const edits: GraphEdit[] = [{ kind: 'removeNode', id: 'c1' }];
    expect(session.apply(edits).ok).toBe(true);
    report();
    shared.release(wire.outputs.flatMap((o) => (o.lease === undefined ? [] : [o.lease])));
    // c1's array is free for reuse; in's is still the session's output.
    expect(shared.counts).toEqual({ lent: 0, free: 1 });
  });

  it('createEngineApi lends and releases through its API', async () => {
    const shared = new SharedOutputs();
    const api = createEngineApi(async () => undefined, { memory: shared });
    api.load(doc());
    const report = (await api.evaluate())!;
    expect(report.outputs.filter((o) => o.lease !== undefined)).toHaveLength(2);
    api.release(report.outputs.flatMap((o) => (o.lease === undefined ? [] : [o.lease])));
    expect(shared.counts.lent).toBe(0);
  });

  it('after any edits and releases, what the page holds is unchanged and outputs are right', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            edit: fc.oneof(
              fc.integer({ min: 0, max: 9 }).map(activation),
              fc
                .tuple(fc.integer({ min: 0, max: 4799 }), fc.integer({ min: -8, max: 8 }))
                .map(([i, v]) => cell(i, v / 4)),
            ),
            evaluate: fc.boolean(),
            // Which of the held leases the page gives back before the next edit.
            release: fc.array(fc.boolean(), { maxLength: 6 }),
          }),
          { minLength: 1, maxLength: 12 },
        ),
        (steps) => {
          const { shared, session, report } = sharedSession();
          const held: { lease: number; data: Float32Array; copy: Float32Array }[] = [];
          const take = () => {
            for (const o of report().outputs)
              if (o.lease !== undefined && !held.some((h) => h.lease === o.lease))
                held.push({ lease: o.lease, data: o.data, copy: o.data.slice() });
          };
          take();
          for (const step of steps) {
            step.release.forEach((give, i) => {
              const h = held[i];
              if (give && h) {
                shared.release([h.lease]);
                held.splice(i, 1);
              }
            });
            expect(session.apply([step.edit]).ok).toBe(true);
            if (step.evaluate) take();
            for (const h of held) expect(same(h.data, h.copy), `lease ${h.lease}`).toBe(true);
          }
          take();
          const fresh = freshOutputs(session.document);
          for (const id of ['in', 'c1', 'p', 'f', 'd'])
            expect(same(session.output(id)!.data, fresh.get(id)!), id).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
  });
});

/** Bit for bit (toEqual takes seconds on arrays this long, run by run). */
function same(a: Float32Array, b: Float32Array): boolean {
  const x = new Uint32Array(a.buffer, a.byteOffset, a.length);
  const y = new Uint32Array(b.buffer, b.byteOffset, b.length);
  return x.length === y.length && x.every((v, i) => v === y[i]);
}

/** The document after one edit of the original. */
function parsedWith(edit: GraphEdit): GraphDocument {
  const s = new EngineSession();
  s.load(doc());
  expect(s.apply([edit]).ok).toBe(true);
  return s.document;
}
