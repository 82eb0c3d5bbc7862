import { EngineSession } from '../engine/session.ts';
import { exportKeras } from '../graph/export-keras.ts';
import { exportTfjs } from '../graph/export-tfjs.ts';
import { decodeGraphLink, encodeGraphLink, hasGraphLink } from '../graph/link-codec.ts';
import { parseGraphText, type ParseResult } from '../graph/parse.ts';
import type { GraphDocument } from '../graph/types.ts';
import { profileLines, writeReport } from './format-output.ts';
import { readSource } from './read-source.ts';
import { parseTrainOptions, trainCommand } from './train.ts';

const USAGE = `usage: convflow eval SOURCE [--profile]
       convflow share FILE
       convflow export keras|tfjs FILE
       convflow train SOURCE [--epochs N] [--out FILE]

  eval     evaluate a graph and print every node's output as JSON
  share    print the share-link fragment (#graph=…) of a graph file
  export   print the graph as a runnable Keras (Python) or TensorFlow.js program
  train    train the network as the graph's training section says; print the trained
           graph (every Conv2D and Dense weight explicit), one JSON line per epoch on stderr
  SOURCE   a graph document (format v1, see docs/graph-format.md), - for stdin,
           or a share link or its fragment (#graph=…)
  --profile  print each node's time on stderr
  --epochs N  train N epochs instead of the section's
  --out FILE  write the trained graph to FILE instead of stdout

exit 0: every node evaluated (or trained); 1: some node has an error, or training diverged;
2: SOURCE is not a valid graph (or cannot be trained as it says)`;

/** Run the CLI; returns the exit code. */
function main(argv: string[]): number {
  const [command, ...rest] = argv;
  if (command === '--help' || command === '-h') return usage(0);
  if (command === 'share') return share(rest);
  if (command === 'export') return exportCode(rest);
  if (command === 'train') return train(rest);
  if (command !== 'eval')
    return usage(2, command === undefined ? 'no command' : `unknown command "${command}"`);
  const profile = rest.includes('--profile');
  const sources = rest.filter((a) => a !== '--profile');
  if (sources.length !== 1) return usage(2, 'eval takes exactly one SOURCE');
  const parsed = loadGraph(sources[0]);
  if (!parsed.ok) return fail(parsed.error);
  const session = new EngineSession();
  session.load(parsed.value);
  const report = session.evaluate();
  const order = parsed.value.nodes.map((n) => n.id);
  const chunks: string[] = [];
  writeReport(report, order, (c) => chunks.push(c));
  process.stdout.write(chunks.join(''));
  if (profile) {
    const types = new Map(parsed.value.nodes.map((n) => [n.id, n.type]));
    process.stderr.write(profileLines(report, (id) => types.get(id) ?? '?').join('\n') + '\n');
  }
  return report.errors.size > 0 ? 1 : 0;
}

function share(args: string[]): number {
  if (args.length !== 1) return usage(2, 'share takes exactly one FILE');
  const parsed = loadGraph(args[0]);
  if (!parsed.ok) return fail(parsed.error);
  process.stdout.write(encodeGraphLink(parsed.value) + '\n');
  return 0;
}

/** `train SOURCE [--epochs N] [--out FILE]`. */
function train(args: string[]): number {
  const [source, ...flags] = args;
  if (source === undefined) return usage(2, 'train takes a SOURCE');
  const options = parseTrainOptions(flags);
  if (typeof options === 'string') return usage(2, options);
  const parsed = loadGraph(source);
  if (!parsed.ok) return fail(parsed.error);
  const result = trainCommand(parsed.value, options, (line) => process.stderr.write(line + '\n'));
  if (result.message) process.stderr.write(`convflow: ${result.message}\n`);
  return result.code;
}

const EXPORTERS = { keras: exportKeras, tfjs: (doc: GraphDocument) => exportTfjs(doc) };

/** `export keras|tfjs FILE`: exit 1 when a node has an error, which the code cannot carry. */
function exportCode(args: string[]): number {
  const [target, ...files] = args;
  if (target !== 'keras' && target !== 'tfjs')
    return usage(2, 'export takes keras or tfjs, then exactly one FILE');
  if (files.length !== 1) return usage(2, `export ${target} takes exactly one FILE`);
  const parsed = loadGraph(files[0]);
  if (!parsed.ok) return fail(parsed.error);
  const code = EXPORTERS[target](parsed.value);
  if (!code.ok) {
    process.stderr.write(`convflow: cannot export: ${code.error}\n`);
    return 1;
  }
  process.stdout.write(code.value);
  return 0;
}

/** A graph from a file, stdin, or a share link / fragment. */
function loadGraph(source: string): ParseResult<GraphDocument> {
  if (/^https?:\/\//.test(source) || source.startsWith('#') || hasGraphLink(source))
    return decodeGraphLink(source);
  try {
    return parseGraphText(readSource(source));
  } catch (e) {
    return { ok: false, error: (e as Error).message };
  }
}

function usage(code: number, problem?: string): number {
  if (problem) process.stderr.write(`convflow: ${problem}\n`);
  (code === 0 ? process.stdout : process.stderr).write(USAGE + '\n');
  return code;
}

function fail(message: string): number {
  process.stderr.write(`convflow: ${message}\n`);
  return 2;
}

process.exitCode = main(process.argv.slice(2));
