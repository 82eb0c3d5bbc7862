import fc from 'fast-check';
import { deflateSync } from 'fflate';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeBase64url, encodeBase64url } from '../../src/graph/base64url.ts';
import {
  decodeGraphLink,
  encodeGraphLink,
  encodeGraphLinkWithin,
  encodePlainGraphLink,
  MAX_INFLATED_BYTES,
} from '../../src/graph/link-codec.ts';
import { parseGraph, parseGraphText } from '../../src/graph/parse.ts';
import type { GraphDocument } from '../../src/graph/types.ts';
import { chain, inputNode, tensorValue } from '../unit/helpers.ts';

const presetDir = new URL('../../presets/', import.meta.url);
const presets = readdirSync(presetDir).filter((f) => f.endsWith('.json'));

function preset(name: string): GraphDocument {
  const parsed = parseGraphText(readFileSync(new URL(name, presetDir), 'utf8'));
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
}

/**
 * A random valid chain graph: Input then a few shape-agnostic layers, explicit data.
 * Values are `+ 0`'d after rounding to float32: JSON has no negative zero, so -0 cannot survive any JSON round trip.
 */
const graphArb = fc
  .record({
    h: fc.integer({ min: 1, max: 6 }),
    w: fc.integer({ min: 1, max: 6 }),
    c: fc.integer({ min: 1, max: 3 }),
    layers: fc.array(fc.constantFrom('Flatten', 'Dropout', 'MaxPool'), { maxLength: 4 }),
    seed: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
    x: fc.double({ min: -1e6, max: 1e6, noNaN: true }),
    id: fc.string({ minLength: 1, maxLength: 12 }),
  })
  .map(({ h, w, c, layers, seed, x, id }) => {
    const nodes: unknown[] = [
      {
        id,
        type: 'Input',
        position: { x: x + 0, y: -x + 0 },
        params: {
          tensor: {
            shape: [h, w, c],
            data: Array.from({ length: h * w * c }, (_, i) => Math.fround(i * x) + 0),
          },
        },
      },
    ];
    const edges: unknown[] = [];
    layers.forEach((type, i) => {
      const params =
        type === 'Dropout'
          ? { rate: 0.5, training: true, seed }
          : type === 'MaxPool'
            ? { padding: 'same' }
            : {};
      nodes.push({ id: `${id}-${i}`, type, position: { x: i * 300, y: 0 }, params });
      edges.push({ source: i === 0 ? id : `${id}-${i - 1}`, target: `${id}-${i}` });
    });
    const parsed = parseGraph({ format: 'convflow-graph', version: 1, nodes, edges });
    if (!parsed.ok) throw new Error(parsed.error);
    return parsed.value;
  });

describe('share links', () => {
  it.each(presets)('preset %s: graph → link → graph is identical', (name) => {
    const doc = preset(name);
    const back = decodeGraphLink(`https://example.test/convflow/${encodeGraphLink(doc)}`);
    expect(back).toEqual({ ok: true, value: doc });
  });

  it.each(presets)('preset %s: the plain JSON form reads back the same graph', (name) => {
    const doc = preset(name);
    expect(decodeGraphLink(encodePlainGraphLink(doc))).toEqual({ ok: true, value: doc });
  });

  it('the full-pipeline preset link stays under 2,000 characters', () => {
    const link = `https://example.test/${encodeGraphLink(preset('09-pipeline.json'))}`;
    expect(link.length).toBeLessThan(2000);
  });

  it('random graphs round-trip exactly (fast-check seed 20261127)', () => {
    fc.assert(
      fc.property(graphArb, (doc) => {
        expect(decodeGraphLink(encodeGraphLink(doc))).toEqual({ ok: true, value: doc });
      }),
      { seed: 20261127, numRuns: 200 },
    );
  });

  it('base64url round-trips any bytes (fast-check seed 7)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        expect(decodeBase64url(encodeBase64url(bytes))).toEqual(bytes);
      }),
      { seed: 7, numRuns: 500 },
    );
  });
});

describe('hostile links get a message, never an exception', () => {
  const good = encodeGraphLink(preset('01-conv-valid.json'));

  it('arbitrary strings (fast-check seed 11)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (s) => {
        const r = decodeGraphLink(`#graph=${s}`);
        if (!r.ok) expect(r.error).toMatch(/^link /);
      }),
      { seed: 11, numRuns: 1000 },
    );
  });

  it('arbitrary bytes behind the compressed prefix (fast-check seed 12)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        const r = decodeGraphLink(`#graph=z1.${encodeBase64url(bytes)}`);
        expect(r.ok).toBe(false);
        if (!r.ok) expect(r.error).toMatch(/^link (is damaged|holds an invalid graph)/);
      }),
      { seed: 12, numRuns: 1000 },
    );
  });

  it('every truncation of a real link is refused with a message (fast-check seed 13)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: good.length - 1 }), (cut) => {
        const r = decodeGraphLink(good.slice(0, cut));
        expect(r.ok).toBe(false);
      }),
      { seed: 13, numRuns: 300 },
    );
  });

  it('single-character corruptions are refused or still decode to a valid graph (fast-check seed 14)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 10, max: good.length - 1 }),
        fc.constantFrom('A', '_', '-', 'z', '!', '%'),
        (at, ch) => {
          const r = decodeGraphLink(good.slice(0, at) + ch + good.slice(at + 1));
          if (r.ok) expect(r.value.format).toBe('convflow-graph');
          else expect(r.error).toMatch(/^link /);
        },
      ),
      { seed: 14, numRuns: 300 },
    );
  });

  it('bad base64url names the position', () => {
    expect(decodeGraphLink('#graph=z1.ab!d')).toEqual({
      ok: false,
      error: 'link is damaged: the data has a character that is not base64url at position 2',
    });
  });

  it('a decompression bomb stops at the inflate cap', () => {
    const bomb = encodeBase64url(deflateSync(new Uint8Array(MAX_INFLATED_BYTES * 4)));
    const r = decodeGraphLink(`#graph=z1.${bomb}`);
    expect(r).toEqual({
      ok: false,
      error: `link inflates to more than ${MAX_INFLATED_BYTES} bytes; refusing it`,
    });
  });

  it('invalid UTF-8 inside the deflate stream', () => {
    const r = decodeGraphLink(
      `#graph=z1.${encodeBase64url(deflateSync(new Uint8Array([0xff, 0xfe, 0x7b])))}`,
    );
    expect(r).toEqual({ ok: false, error: 'link is damaged: the graph is not valid UTF-8 text' });
  });

  it('a schema error is reported with its path', () => {
    const r = decodeGraphLink(
      encodePlainGraphLink({
        format: 'convflow-graph',
        version: 1,
        nodes: [{ id: 'c', type: 'Conv2D', params: { filters: 0, kernelSize: [3, 3] } }],
        edges: [],
      }),
    );
    expect(r).toEqual({
      ok: false,
      error:
        'link holds an invalid graph: nodes[0].params.filters: expected an integer from 1 to 1024',
    });
  });

  it('bad percent-encoding', () => {
    expect(decodeGraphLink('#graph=%7B%E0%A4%A')).toEqual({
      ok: false,
      error: 'link is damaged: its percent-encoding is invalid',
    });
  });
});

/** One Input of side×side×3 whose values `value(i)` gives: a photo-sized graph. */
function imageGraph(side: number, value: (i: number) => number): GraphDocument {
  const data = Array.from({ length: side * side * 3 }, (_, i) => value(i));
  const parsed = parseGraph(chain(inputNode('in', tensorValue([side, side, 3], data))));
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
}

describe('encodeGraphLinkWithin', () => {
  it('gives exactly encodeGraphLink when it fits, and null one character short of it', () => {
    // Every path: a small preset, a big graph that compresses well, one that nearly fits.
    const docs = [
      preset('09-pipeline.json'),
      imageGraph(224, (i) => (i % 7) / 10),
      imageGraph(128, (i) => Math.round(Math.abs(Math.sin(i * 12.9898)) * 8) / 8),
    ];
    for (const doc of docs) {
      const full = encodeGraphLink(doc);
      expect(encodeGraphLinkWithin(doc, full.length)).toBe(full);
      expect(encodeGraphLinkWithin(doc, full.length - 1)).toBeNull();
    }
  });

  it('is null for a graph holding a 224×224×3 photo-like image, far over the limit', () => {
    const noise = (i: number) =>
      Math.round(((Math.sin(i * 12.9898) * 43758.5453) % 1) * 1000) / 1000;
    const doc = imageGraph(224, noise);
    expect(encodeGraphLink(doc).length).toBeGreaterThan(4 * 65_536);
    expect(encodeGraphLinkWithin(doc, 65_536)).toBeNull();
  });
});
