import { EngineSession } from '../engine/session.ts';
import { parseGraphText } from '../graph/parse.ts';
import { profileLines, writeReport } from './format-output.ts';
import { readSource } from './read-source.ts';

const USAGE = `usage: convflow eval SOURCE [--profile]

  SOURCE   a graph document (format v1, see docs/graph-format.md), or - for stdin
  --profile  print each node's time on stderr

exit 0: every node evaluated; 1: some node has an error; 2: SOURCE is not a valid graph`;

/** Run the CLI; returns the exit code. */
function main(argv: string[]): number {
  const [command, ...rest] = argv;
  if (command === '--help' || command === '-h') return usage(0);
  if (command !== 'eval')
    return usage(2, command === undefined ? 'no command' : `unknown command "${command}"`);
  const profile = rest.includes('--profile');
  const sources = rest.filter((a) => a !== '--profile');
  if (sources.length !== 1) return usage(2, 'eval takes exactly one SOURCE');
  let text: string;
  try {
    text = readSource(sources[0]);
  } catch (e) {
    return fail((e as Error).message);
  }
  const parsed = parseGraphText(text);
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
