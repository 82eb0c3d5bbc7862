import { describe, expect, it } from 'vitest';
import { plain } from '../helpers.ts';
import { imageEdits, imageTargetFor } from '../../../src/editor/image/image-target.ts';
import { applyEdits } from '../../../src/graph/edits.ts';
import { convValidDoc, doc } from '../state/fixtures.ts';

const AT = { x: 100, y: 40 };
const tensor = { shape: [2, 2, 1], data: Float32Array.of(0, 1, 1, 0) };

function twoInputs() {
  const base = convValidDoc();
  return doc({
    ...base,
    nodes: [
      ...base.nodes,
      { id: 'other', type: 'Input', params: { tensor: { shape: [1, 1, 1], data: [0] } } },
    ],
  });
}

describe('imageTargetFor', () => {
  it('the only Input, whatever is selected', () => {
    expect(imageTargetFor(convValidDoc(), ['conv'], AT)).toEqual({ node: 'input' });
  });
  it('with two Inputs: the selected one, else a new Input at the point', () => {
    expect(imageTargetFor(twoInputs(), ['other'], AT)).toEqual({ node: 'other' });
    expect(imageTargetFor(twoInputs(), ['conv'], AT)).toEqual({ at: AT });
    expect(imageTargetFor(twoInputs(), ['input', 'other'], AT)).toEqual({ at: AT });
  });
  it('no Input at all: a new one', () => {
    const empty = doc({ format: 'convflow-graph', version: 1, nodes: [], edges: [] });
    expect(imageTargetFor(empty, [], AT)).toEqual({ at: AT });
  });
});

describe('imageEdits', () => {
  it('into a node: one setParams of the tensor', () => {
    const edits = imageEdits(convValidDoc(), { node: 'input' }, tensor);
    expect(edits).toEqual([{ kind: 'setParams', id: 'input', params: { tensor } }]);
    const applied = applyEdits(convValidDoc(), edits);
    expect(applied.ok).toBe(true);
  });
  it('a new node: one addNode of an Input named input_1 holding the tensor', () => {
    const edits = imageEdits(convValidDoc(), { at: AT }, tensor);
    const applied = applyEdits(convValidDoc(), edits);
    if (!applied.ok) throw new Error(applied.error);
    const added = applied.value.doc.nodes.find((n) => n.id === 'input_1');
    expect(plain(added)).toMatchObject({ type: 'Input', position: AT, params: { tensor } });
  });
});
