import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A 9-node graph of the lecture's layers: the pipeline preset (Input 6×6 → Conv2D 2 →
 * MaxPool → Flatten → Dense 4 → Dropout → Dense 2 softmax, 7 nodes) with a second branch
 * from its Input: Conv2D 1 (3×3 same) → Flatten. Every layer is slide-sized, so every node
 * runs on the TypeScript kernels.
 */
export function nineNodeSlideGraph(): {
  nodes: { id: string; type: string; position: { x: number; y: number }; params?: object }[];
  edges: { source: string; target: string }[];
} {
  const path = join(import.meta.dirname, '../../presets/09-pipeline.json');
  const doc = JSON.parse(readFileSync(path, 'utf8'));
  doc.nodes.push(
    {
      id: 'convb',
      type: 'Conv2D',
      position: { x: 320, y: 560 },
      params: { filters: 1, kernelSize: [3, 3], padding: 'same', useBias: false },
    },
    { id: 'flatb', type: 'Flatten', position: { x: 640, y: 560 } },
  );
  doc.edges.push({ source: 'input', target: 'convb' }, { source: 'convb', target: 'flatb' });
  return doc;
}
