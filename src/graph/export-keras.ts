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
import { kerasTraining } from './export-training.ts';
import type { GraphDocument } from './types.ts';

const PYTHON: ExportLanguage = { comment: '#', name: 'Keras' };

/**
 * The graph as a runnable Python program: a Keras model with the same layers and weights
 * (`keras.Sequential` for a chain, the functional API otherwise), the graph's Input tensors,
 * and a `run()` that returns each output; run as a script, it prints them.
 * Refuses a graph with a node error, naming the node.
 * @example exportKeras(doc) // { ok: true, value: 'import numpy as np\nimport keras\n…' }
 */
export function exportKeras(doc: GraphDocument): ParseResult<string> {
  const planned = planExport(doc);
  if (!planned.ok) return planned;
  const plan = planned.value;
  const lines = [
    ...headerLines(plan, PYTHON),
    'import numpy as np',
    'import keras',
    'from keras import layers',
    '',
    `OUTPUT_IDS = [${plan.outputs.map((l) => stringLiteral(l.node.id)).join(', ')}]`,
    '',
    '',
    'def tensor(values, shape):',
    '    return np.array(values, dtype="float32").reshape(shape)',
    '',
    '',
    ...buildModel(plan),
    '',
    '',
    ...inputTensors(plan),
    ...kerasTraining(plan, doc.training),
    '',
    '',
    ...runAndPrint(plan, doc.training !== undefined),
  ];
  return { ok: true, value: lines.join('\n') + '\n' };
}

function buildModel(plan: ExportPlan): string[] {
  const lines = [
    'def build_model():',
    '    """The graph as a Keras model, with convflow\'s weights."""',
  ];
  if (plan.sequential) {
    lines.push('    model = keras.Sequential(', '        [');
    for (const l of plan.layers)
      lines.push(...notes(l, '            '), `            ${layer(l)},`);
    lines.push('        ],', '        name="convflow",', '    )');
  } else {
    for (const l of plan.layers) {
      const call = l.input === undefined ? '' : `(x_${l.input})`;
      lines.push(...notes(l, '    '), `    x_${l.name} = ${layer(l)}${call}`);
    }
    lines.push(
      '    model = keras.Model(',
      `        inputs=[${plan.inputs.map((l) => `x_${l.name}`).join(', ')}],`,
      `        outputs=[${plan.outputs.map((l) => `x_${l.name}`).join(', ')}],`,
      '        name="convflow",',
      '    )',
    );
  }
  for (const l of plan.layers) if (l.weights.length > 0) lines.push(...setWeights(l));
  lines.push('    return model');
  return lines;
}

/** Comments placed above a layer: its node id when the name differs, and Dropout's caveat. */
function notes(l: ExportLayer, indent: string): string[] {
  const out: string[] = [];
  if (l.name !== l.node.id) out.push(`${indent}# node ${commentText(stringLiteral(l.node.id))}`);
  if (l.node.type === 'Dropout')
    out.push(...dropoutNote(l.node.params, PYTHON).map((c) => `${indent}${c}`));
  return out;
}

function layer(l: ExportLayer): string {
  const name = `name=${stringLiteral(l.name)}`;
  const n = l.node;
  switch (n.type) {
    case 'Input':
      return `keras.Input(shape=${tuple(n.params.tensor.shape)}, ${name})`;
    case 'Conv2D': {
      const p = n.params;
      return `layers.Conv2D(filters=${p.filters}, kernel_size=${tuple(p.kernelSize)}, strides=${tuple(p.strides)}, padding="${p.padding}", activation="${p.activation}", use_bias=${p.useBias ? 'True' : 'False'}, ${name})`;
    }
    case 'MaxPool': {
      const p = n.params;
      return `layers.MaxPooling2D(pool_size=${tuple(p.poolSize)}, strides=${tuple(p.strides ?? p.poolSize)}, padding="${p.padding}", ${name})`;
    }
    case 'Flatten':
      return `layers.Flatten(${name})`;
    case 'Dense': {
      const p = n.params;
      return `layers.Dense(units=${p.units}, activation="${p.activation}", use_bias=${p.useBias ? 'True' : 'False'}, ${name})`;
    }
    case 'Dropout':
      return `layers.Dropout(rate=${float32Literal(n.params.rate)}, seed=${n.params.seed}, ${name})`;
  }
}

function setWeights(l: ExportLayer): string[] {
  return [
    `    model.get_layer(${stringLiteral(l.name)}).set_weights(`,
    '        [',
    ...l.weights.map((w) => `            ${tensor(w, '            ')},`),
    '        ]',
    '    )',
  ];
}

function inputTensors(plan: ExportPlan): string[] {
  return [
    'def input_tensors():',
    '    """The graph\'s Input tensors, each as a batch of one."""',
    '    return [',
    ...plan.inputs.map((l) => `        ${tensor(batchOfOne(l), '        ')},`),
    '    ]',
  ];
}

function runAndPrint(plan: ExportPlan, trains: boolean): string[] {
  const x = plan.sequential ? 'input_tensors()[0]' : 'input_tensors()';
  return [
    'def run():',
    '    """Runs the model in inference mode; returns {node id: output without the batch axis}."""',
    `    outputs = build_model().predict(${x}, verbose=0)`,
    '    if not isinstance(outputs, (list, tuple)):',
    '        outputs = [outputs]',
    '    return {node_id: np.asarray(y)[0] for node_id, y in zip(OUTPUT_IDS, outputs)}',
    '',
    '',
    'if __name__ == "__main__":',
    ...(trains
      ? [
          '    import sys',
          '',
          '    if sys.argv[1:] == ["train"]:',
          '        train().save("convflow-trained.keras")',
          '        sys.exit()',
        ]
      : []),
    '    for node_id, y in run().items():',
    '        print(node_id, list(y.shape), y.ravel().tolist())',
  ];
}

function tensor(t: ResolvedTensor, indent: string): string {
  return `tensor(${arrayLiteral(t.data, indent, '    ')}, ${tuple(t.shape)})`;
}

function tuple(values: readonly number[]): string {
  return values.length === 1 ? `(${values[0]},)` : `(${values.join(', ')})`;
}
