import { describe, expect, it } from 'vitest';
import { formatFloat32, profileLines, writeReport } from '../../src/cli/format-output.ts';
import { chain, evaluate, inputNode, tensorValue } from './helpers.ts';

describe('formatFloat32', () => {
  it.each<[number, string]>([
    [0, '0'],
    [-3, '-3'],
    [Math.fround(0.1), '0.1'],
    [Math.fround(1 / 3), '0.33333334'],
    [Math.fround(-2.5e-7), '-2.5e-7'],
    [16777216, '16777216'],
    [33554432, '33554432'],
    [Math.fround(3e38), '3e+38'],
  ])('%d prints as %s and reads back as the same float32', (x, text) => {
    expect(formatFloat32(x)).toBe(text);
    expect(Math.fround(Number(text))).toBe(x);
  });

  it.each([Infinity, -Infinity, NaN])('%d prints as null: JSON has no such number', (x) => {
    expect(formatFloat32(x)).toBe('null');
  });
});

describe('writeReport', () => {
  it('stays valid JSON when a layer overflows float32', () => {
    // 3e38 · 10 overflows float32 to Infinity.
    const e = evaluate(
      chain(inputNode('in', tensorValue([1, 1, 2], [3e38, 1])), {
        id: 'd',
        type: 'Dense',
        params: { units: 2, kernel: tensorValue([2, 2], [10, 0, 0, 1]) },
      }),
    );
    let text = '';
    writeReport(e.report, ['in', 'd'], (chunk) => (text += chunk));
    const parsed = JSON.parse(text) as { outputs: Record<string, { data: (number | null)[] }> };
    expect(parsed.outputs.d?.data).toEqual([null, 1]);
    expect(parsed.outputs.in?.data).toEqual([3e38, 1]);
  });

  it('lists errors after the outputs, in document order', () => {
    const e = evaluate(
      chain(
        inputNode('in', tensorValue([1, 1, 1], [1])),
        { id: 'big', type: 'MaxPool', params: { poolSize: [2, 2] } },
        { id: 'after', type: 'Flatten' },
      ),
    );
    let text = '';
    writeReport(e.report, ['in', 'big', 'after'], (chunk) => (text += chunk));
    const parsed = JSON.parse(text) as { outputs: object; errors: Record<string, string> };
    expect(Object.keys(parsed.outputs)).toEqual(['in']);
    expect(Object.keys(parsed.errors)).toEqual(['big', 'after']);
  });

  it('profileLines gives one line per recomputed node and a total', () => {
    const e = evaluate(
      chain(inputNode('in', tensorValue([1, 1, 1], [1])), { id: 'f', type: 'Flatten' }),
    );
    const lines = profileLines(e.report, (id) => (id === 'in' ? 'Input' : 'Flatten'));
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^in\s+Input\s+1×1×1\s+\d+\.\d{3} ms$/);
    expect(lines[1]).toMatch(/^f\s+Flatten\s+1\s+\d+\.\d{3} ms$/);
    expect(lines[2]).toMatch(/^total: 2 nodes in \d+\.\d{3} ms$/);
  });
});
