import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../../src/graph/edits.ts';
import { NODE_TYPES } from '../../../src/graph/schema.ts';
import type { GraphDocument } from '../../../src/graph/types.ts';
import { newNode, nextNodeId, PALETTE_TYPES } from '../../../src/editor/new-node.ts';
import { fieldMessage } from '../../../src/ui/fields/field-message.ts';
import { convValidDoc } from '../state/fixtures.ts';

describe('new nodes', () => {
  it('the palette lists every node type', () => {
    expect([...PALETTE_TYPES].sort()).toEqual([...NODE_TYPES].sort());
  });

  it('ids are Keras-style and one past the highest in use', () => {
    const doc = convValidDoc();
    expect(nextNodeId(doc, 'Conv2D')).toBe('conv2d_1');
    expect(nextNodeId(doc, 'MaxPool')).toBe('max_pool_1');
    const nodes = [...doc.nodes, { id: 'dense_3' }, { id: 'dense_1' }] as typeof doc.nodes;
    expect(nextNodeId({ nodes }, 'Dense')).toBe('dense_4');
  });

  it('every default node is valid and can be chained Input → … → Dropout', () => {
    let doc: GraphDocument = { ...convValidDoc(), nodes: [], edges: [] };
    let previous: string | null = null;
    for (const type of PALETTE_TYPES) {
      const id = nextNodeId(doc, type);
      const edits = [{ kind: 'addNode' as const, node: newNode(type, id, { x: 0, y: 0 }) }];
      const withEdge = previous
        ? [...edits, { kind: 'addEdge' as const, source: previous, target: id }]
        : edits;
      const result = applyEdits(doc, withEdge);
      if (!result.ok) throw new Error(result.error);
      doc = result.value.doc;
      previous = id;
    }
    expect(doc.nodes.map((n) => n.id)).toEqual([
      'input_1',
      'conv2d_1',
      'max_pool_1',
      'flatten_1',
      'dense_1',
      'dropout_1',
    ]);
    expect(doc.nodes.find((n) => n.id === 'conv2d_1')?.params).toMatchObject({
      filters: 1,
      kernelSize: [3, 3],
      kernel: { init: 'glorotUniform', seed: 1 },
    });
  });
});

describe('fieldMessage', () => {
  it('drops the node, the path and the count of further problems', () => {
    expect(
      fieldMessage(
        'node "conv": params.filters: expected an integer from 1 to 1024 (and 1 more problem)',
      ),
    ).toBe('expected an integer from 1 to 1024');
    expect(fieldMessage('node "in": params.tensor.shape: expected [H, W, C]')).toBe(
      'expected [H, W, C]',
    );
  });
});
