import { describe, expect, it } from 'vitest';
import { sampleTensor } from '../../../src/editor/samples/samples.ts';
import { encodeGraphLink } from '../../../src/graph/link-codec.ts';
import { linkSizeProblem, MAX_SHARE_FRAGMENT_CHARS } from '../../../src/graph/link-size.ts';
import { parseGraph } from '../../../src/graph/parse.ts';
import type { TensorValue } from '../../../src/graph/types.ts';

function docWith(tensor: TensorValue) {
  const parsed = parseGraph({
    format: 'convflow-graph',
    version: 1,
    nodes: [{ id: 'in', type: 'Input', params: { tensor } }],
    edges: [],
  });
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
}

/** Values a photo might give: no long runs, so deflate cannot shrink them much. */
function noisy(h: number, w: number, c: number): TensorValue {
  let s = 1;
  const data = Float32Array.from({ length: h * w * c }, () => {
    s = (s * 16807) % 2147483647;
    return Math.round(((s % 10000) / 10000) * 1e4) / 1e4;
  });
  return { shape: [h, w, c], data };
}

describe('linkSizeProblem', () => {
  it('a 28×28 digit fits in a link', () => {
    expect(linkSizeProblem(docWith(sampleTensor('digit-3', 28, 28, 1)))).toBeNull();
  });

  it('a noisy 28×28×1 image fits; a noisy 256×256×3 one does not, with its length', () => {
    expect(linkSizeProblem(docWith(noisy(28, 28, 1)))).toBeNull();
    const big = docWith(noisy(256, 256, 3));
    const problem = linkSizeProblem(big);
    expect(problem).toEqual({
      chars: encodeGraphLink(big).length,
      limit: MAX_SHARE_FRAGMENT_CHARS,
    });
    expect(problem!.chars).toBeGreaterThan(MAX_SHARE_FRAGMENT_CHARS);
  });

  it('the limit can be given: a tiny one refuses even the digit', () => {
    expect(linkSizeProblem(docWith(sampleTensor('digit-3', 28, 28, 1)), 100)?.limit).toBe(100);
  });
});
