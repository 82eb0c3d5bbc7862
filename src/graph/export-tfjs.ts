import { arrayLiteral, commentText, float32Literal, stringLiteral } from './export-format.ts';
import { dropoutNote, headerLines, type ExportLanguage } from './export-notes.ts';
import {
  batchOfOne,
  planExport,
  type ExportLayer,
  type ExportPlan,
  type ResolvedTensor,
} from './export-plan.ts';
import type { ParseResult } from './parse.ts';
import { tfjsTraining } from './export-training.ts';
import type { GraphDocument } from './types.ts';

const JS: ExportLanguage = { comment: '//', name: 'TensorFlow.js' };

/** Options of {@link exportTfjs}. */
export interface TfjsExportOptions {
  /** Module the code imports `tf` from; default `@tensorflow/tfjs`. Tests point it at a shim. */
  tfjsModule?: string;
}

/**
 * The graph as an ES module for TensorFlow.js: `buildModel()` (`tf.sequential` for a chain,
 * `tf.model` otherwise, with convflow's weights), `inputTensors()`, and an async `run()`
 * resolving to `{ [nodeId]: { shape, data } }` for each output; run with Node, it prints them.
 * Refuses a graph with a node error, naming the node.
 * @example const { run } = await import('./model.mjs'); await run() // { conv: { shape: [3, 3, 1], data: [...] } }
 */
export function exportTfjs(
  doc: GraphDocument,
  options: TfjsExportOptions = {},
): ParseResult<string> {
  const planned = planExport(doc);
  if (!planned.ok) return planned;
  const plan = planned.value;
  const lines = [
    ...headerLines(plan, JS),
    `import * as tf from ${stringLiteral(options.tfjsModule ?? '@tensorflow/tfjs')};`,
    '',
    "/** Node ids of the model's outputs, in order. */",
    `export const OUTPUT_IDS = [${plan.outputs.map((l) => stringLiteral(l.node.id)).join(', ')}];`,
    '',
    ...buildModel(plan),
    '',
    "/** The graph's Input tensors, each as a batch of one. */",
    'export function inputTensors() {',
    '  return [',
    ...plan.inputs.map((l) => `    ${tensor(batchOfOne(l), '    ')},`),
    '  ];',
    '}',
    ...tfjsTraining(plan, doc.training),
    '',
    ...RUN(plan.sequential ? 'xs[0]' : 'xs'),
  ];
  return { ok: true, value: lines.join('\n') + '\n' };
}

function buildModel(plan: ExportPlan): string[] {
  const lines = [
    "/** The graph as a TensorFlow.js model, with convflow's weights. */",
    'export function buildModel() {',
  ];
  if (plan.sequential) {
    lines.push('  const model = tf.sequential({', '    name: "convflow",', '    layers: [');
    for (const l of plan.layers) lines.push(...notes(l, '      '), `      ${layer(l, true)},`);
    lines.push('    ],', '  });');
  } else {
    for (const l of plan.layers) {
      const call = l.input === undefined ? '' : `.apply(x_${l.input})`;
      lines.push(...notes(l, '  '), `  const x_${l.name} = ${layer(l, false)}${call};`);
    }
    lines.push(
      '  const model = tf.model({',
      '    name: "convflow",',
      `    inputs: [${plan.inputs.map((l) => `x_${l.name}`).join(', ')}],`,
      `    outputs: [${plan.outputs.map((l) => `x_${l.name}`).join(', ')}],`,
      '  });',
    );
  }
  for (const l of plan.layers) if (l.weights.length > 0) lines.push(...setWeights(l));
  lines.push('  return model;', '}', '', ...SET_WEIGHTS);
  return lines;
}

/** Comments placed above a layer: its node id when the name differs, and Dropout's caveat. */
function notes(l: ExportLayer, indent: string): string[] {
  const out: string[] = [];
  if (l.name !== l.node.id) out.push(`${indent}// node ${commentText(stringLiteral(l.node.id))}`);
  if (l.node.type === 'Dropout')
    out.push(...dropoutNote(l.node.params, JS).map((c) => `${indent}${c}`));
  return out;
}

function layer(l: ExportLayer, sequential: boolean): string {
  const name = `name: ${stringLiteral(l.name)}`;
  const n = l.node;
  switch (n.type) {
    case 'Input': {
      const shape = `[${n.params.tensor.shape.join(', ')}]`;
      return sequential
        ? `tf.layers.inputLayer({ inputShape: ${shape}, ${name} })`
        : `tf.input({ shape: ${shape}, ${name} })`;
    }
    case 'Conv2D': {
      const p = n.params;
      return `tf.layers.conv2d({ filters: ${p.filters}, kernelSize: ${pair(p.kernelSize)}, strides: ${pair(p.strides)}, padding: "${p.padding}", activation: "${p.activation}", useBias: ${p.useBias}, ${name} })`;
    }
    case 'MaxPool': {
      const p = n.params;
      return `tf.layers.maxPooling2d({ poolSize: ${pair(p.poolSize)}, strides: ${pair(p.strides ?? p.poolSize)}, padding: "${p.padding}", ${name} })`;
    }
    case 'Flatten':
      // tfjs's flatten wants rank >= 2 per sample; on a rank-1 tensor Flatten is the identity.
      return l.shape.length === 1 && l.inputShape.length === 1
        ? `tf.layers.reshape({ targetShape: [${l.shape[0]}], ${name} })`
        : `tf.layers.flatten({ ${name} })`;
    case 'Dense': {
      const p = n.params;
      return `tf.layers.dense({ units: ${p.units}, activation: "${p.activation}", useBias: ${p.useBias}, ${name} })`;
    }
    case 'Dropout':
      return `tf.layers.dropout({ rate: ${float32Literal(n.params.rate)}, seed: ${n.params.seed}, ${name} })`;
  }
}

function setWeights(l: ExportLayer): string[] {
  return [
    `  setWeights(model, ${stringLiteral(l.name)}, [`,
    ...l.weights.map((w) => `    ${tensor(w, '    ')},`),
    '  ]);',
  ];
}

const SET_WEIGHTS = [
  '/** Kernels are [kh, kw, inChannels, filters] (Conv2D) and [inUnits, units] (Dense). */',
  'function setWeights(model, layerName, weights) {',
  '  model.getLayer(layerName).setWeights(weights);',
  '  tf.dispose(weights);',
  '}',
];

function tensor(t: ResolvedTensor, indent: string): string {
  return `tf.tensor(${arrayLiteral(t.data, indent)}, [${t.shape.join(', ')}])`;
}

function pair(values: readonly number[]): string {
  return `[${values.join(', ')}]`;
}

const RUN = (xs: string) => [
  '/** Runs the model in inference mode: { [nodeId]: { shape, data } } for each output. */',
  'export async function run() {',
  '  const model = buildModel();',
  '  const xs = inputTensors();',
  `  const ys = model.predict(${xs});`,
  '  const list = Array.isArray(ys) ? ys : [ys];',
  '  const entries = [];',
  '  for (const [i, y] of list.entries())',
  '    entries.push([OUTPUT_IDS[i], { shape: y.shape.slice(1), data: Array.from(await y.data()) }]);',
  '  tf.dispose([...xs, ...list]);',
  '  model.dispose();',
  '  return Object.fromEntries(entries);',
  '}',
  '',
  '// Run as a script (node FILE.mjs): print each output.',
  'const isScript =',
  '  typeof process !== "undefined" &&',
  '  process.argv?.[1] !== undefined &&',
  '  import.meta.url === (await import("node:url")).pathToFileURL(process.argv[1]).href;',
  'if (isScript)',
  '  for (const [id, y] of Object.entries(await run()))',
  '    console.log(id, JSON.stringify(y.shape), JSON.stringify(y.data));',
];
