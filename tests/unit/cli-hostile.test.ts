import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectRejected, runCli } from './cli-run.ts';
import { graph, inputNode, tensorValue } from './helpers.ts';

// Each hostile document must end the CLI with exit 2, nothing on stdout and one clear line
// on stderr. runCli's timeout only stops a hang; speed itself is not asserted here.

const input = inputNode('in', tensorValue([2, 2, 1], [1, 2, 3, 4]));
const flatten = (id: string) => ({ id, type: 'Flatten' });

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'convflow-cli-hostile-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

let files = 0;
/** Write the text to a file of its own and evaluate it. */
function evalText(text: string) {
  const path = join(dir, `doc-${files++}.json`);
  writeFileSync(path, text);
  return runCli(['eval', path]);
}

describe('convflow eval rejects hostile documents with exit 2 and one line', () => {
  it.each<[string, string, RegExp]>([
    ['not JSON', '{"format": "convflow-graph", nodes: [', /^convflow: not JSON: /],
    [
      'an unknown type',
      JSON.stringify(graph([input, { id: 'x', type: 'Conv3D' }], [['in', 'x']])),
      /^convflow: nodes\[1\]\.type: expected one of "Input", "Conv2D"/,
    ],
    [
      'a cycle',
      JSON.stringify(
        graph(
          [input, flatten('a'), flatten('b')],
          [
            ['a', 'b'],
            ['b', 'a'],
          ],
        ),
      ),
      /^convflow: edges: the edges form a cycle: "[ab]" → "[ab]" → "[ab]"$/,
    ],
    [
      'an edge to a missing node',
      JSON.stringify(graph([input], [['in', 'ghost']])),
      /^convflow: edges\[0\]\.target: no node with id "ghost"/,
    ],
    [
      'two inputs to one node',
      JSON.stringify(
        graph(
          [input, inputNode('in2', tensorValue([1, 1, 1], [1])), flatten('f')],
          [
            ['in', 'f'],
            ['in2', 'f'],
          ],
        ),
      ),
      /^convflow: edges\[1\]\.target: "f" already has an input \("in"\); a node takes at most one$/,
    ],
    [
      'data length not matching shape',
      JSON.stringify(graph([inputNode('in', tensorValue([2, 2, 1], [1, 2, 3]))])),
      /^convflow: nodes\[0\]\.params\.tensor\.data: expected 4 values for shape \[2, 2, 1\], got 3$/,
    ],
    [
      'a 10⁹-element shape',
      JSON.stringify(graph([inputNode('in', tensorValue([1000, 1000, 1000], []))])),
      /^convflow: nodes\[0\]\.params\.tensor\.shape: 1000×1000×1000 is 1000000000 elements, over the limit of 16777216$/,
    ],
    [
      'a 10⁹-element kernel',
      JSON.stringify(
        graph(
          [
            input,
            {
              id: 'd',
              type: 'Dense',
              params: { units: 1, kernel: { shape: [1000000000, 1], data: [] } },
            },
          ],
          [['in', 'd']],
        ),
      ),
      /^convflow: nodes\[1\]\.params\.kernel: expected a tensor/,
    ],
    [
      '__proto__ keys',
      '{"format":"convflow-graph","version":1,"nodes":[{"id":"in","type":"Input","__proto__":{"type":"Conv2D"},"params":{"tensor":{"shape":[1,1,1],"data":[1]}}}],"edges":[]}',
      /^convflow: nodes\[0\]: Unrecognized key: "__proto__"$/,
    ],
    [
      'arrays nested a million deep',
      `{"format":"convflow-graph","version":1,"nodes":${'['.repeat(1e6)}${']'.repeat(1e6)},"edges":[]}`,
      /^convflow: nodes\[0\]: /,
    ],
    [
      'a line break inside a quoted id',
      JSON.stringify(graph([input], [['in', 'x\ny']])),
      /^convflow: edges\[0\]\.target: no node with id "x\\u000ay"$/,
    ],
  ])('%s', (_name, text, message) => {
    expect(expectRejected(evalText(text))).toMatch(message);
  });
});
