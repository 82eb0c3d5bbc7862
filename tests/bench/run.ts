// `npm run bench [-- --train] [--json] [--out FILE] [--from FILE] [--rounds N] [--warmup N] [--only TEXT]`: the engine's two
// kernel paths against TensorFlow.js (cpu, wasm) and ONNX Runtime Web (wasm), one process,
// implementations interleaved within each round, medians of wall-clock times. Not a test.
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { mulberry32 } from '../../src/graph/prng.ts';
import { simdMemoryBytes } from '../../src/engine/wasm/index.ts';
import { benchCases, workOf, type BenchCase } from './cases.ts';
import { editFixedCosts } from './edit-session.ts';
import { editSummary } from './edit-table.ts';
import { graphResults } from './graphs.ts';
import { dispatchedPath, IMPLEMENTATIONS, type Runner } from './peers.ts';
import { formatTable, type CaseResult } from './table.ts';

const args = process.argv.slice(2);
const option = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const json = args.includes('--json');
if (args.includes('--train')) {
  const { runTrainBench } = await import('./train/train-bench.ts');
  await runTrainBench((line) => process.stdout.write(line + '\n'));
  process.exit(0);
}
/** The fewest rounds per case; fast cases get more, up to MAX_ROUNDS, within ROUND_BUDGET_MS. */
const rounds = Math.max(1, Number(option('--rounds') ?? 9));
const warmup = Math.max(1, Number(option('--warmup') ?? 3));
const only = option('--only');
// One call per sample, as the engine calls a kernel once per node: batching calls back to
// back measured allocation and GC bursts (every call returns a fresh array) more than the
// kernels. Fast cases instead get more rounds, so their medians still rest on many samples.
const ROUND_BUDGET_MS = 3000;
const MAX_ROUNDS = 301;

function log(line: string): void {
  if (!json) process.stderr.write(line + '\n');
}

async function call(r: Runner): Promise<Float32Array> {
  const out = r.run();
  return out instanceof Promise ? await out : out;
}

/** Milliseconds of one call. */
async function sample(r: Runner): Promise<number> {
  if (r.before) await r.before();
  const start = performance.now();
  const out = r.run();
  if (out instanceof Promise) await out;
  const ms = performance.now() - start;
  r.after?.();
  return ms;
}

function maxError(got: Float32Array, want: Float32Array): number {
  if (got.length !== want.length) return Infinity;
  let worst = 0;
  for (let i = 0; i < got.length; i++) {
    const e = Math.abs(got[i] - want[i]) / (1 + Math.abs(want[i]));
    if (!(e <= worst)) worst = e;
  }
  return worst;
}

/** Successive random orders of 0..n-1 (Fisher–Yates on mulberry32, seed 1). */
function seededShuffle(n: number): () => number[] {
  const next = mulberry32(1);
  return () => {
    const order = Array.from({ length: n }, (_, i) => i);
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    return order;
  };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function runCase(c: BenchCase): Promise<CaseResult> {
  const runners = new Map<string, Runner>();
  const errors: Record<string, string> = {};
  for (const impl of IMPLEMENTATIONS) {
    try {
      runners.set(impl.name, await impl.prepare(c));
    } catch (e) {
      errors[impl.name] = (e as Error).message;
    }
  }
  const reference = await call(runners.get('engine TS')!);
  const check: Record<string, number> = {};
  let slowest = 0;
  for (const [name, r] of runners) {
    // At least `warmup` calls and ~50 ms, so JIT tiers (JS and WebAssembly) have settled; an
    // edit runs far more JS (validation, shape inference, the session) and asks for more calls.
    let spent = 0;
    let ms = 0;
    const more = (i: number) => i < (r.warmupCalls ?? 0) && spent < 1000;
    for (let i = 0; i < warmup || (spent < 50 && i < 200) || more(i); i++)
      spent += ms = await sample(r);
    slowest = Math.max(slowest, ms);
    // An edit alternates between two states (relu, linear): check a call in each.
    check[name] = 0;
    for (let i = 0; i < (r.expected ? 2 : 1); i++) {
      const out = await call(r);
      r.after?.();
      const want = r.expected ? r.expected(reference) : reference;
      check[name] = Math.max(check[name], maxError(r.toHwc ? r.toHwc(out) : out, want));
    }
    if (check[name] > 1e-3)
      throw new Error(`${c.name}: ${name} disagrees with the reference (${check[name]})`);
  }
  const samples: Record<string, number[]> = {};
  const names = [...runners.keys()];
  const caseRounds = Math.min(MAX_ROUNDS, Math.max(rounds, Math.ceil(ROUND_BUDGET_MS / slowest)));
  // A new order every round (seeded, the same every run): each implementation follows a
  // different one from round to round. A rotation would not do: every implementation would
  // still always follow the same neighbour, and one that runs after a cache-thrashing JS
  // kernel measured up to 2× slower than the same code run after another.
  const shuffle = seededShuffle(names.length);
  for (let round = 0; round < caseRounds; round++)
    for (const i of shuffle())
      (samples[names[i]] ??= []).push(await sample(runners.get(names[i])!));
  // The timed calls are each runner's last ones: where their time went, by median.
  const phases: Record<string, Record<string, number>> = {};
  for (const [name, r] of runners) {
    const recorded = r.phases?.();
    if (recorded)
      phases[name] = Object.fromEntries(
        Object.entries(recorded).map(([k, xs]) => [k, median(xs.slice(-samples[name].length))]),
      );
    r.dispose?.();
  }
  const results = Object.fromEntries(
    names.map((n) => [
      n,
      {
        medianMs: median(samples[n]),
        minMs: Math.min(...samples[n]),
        samples: samples[n],
      },
    ]),
  );
  log(
    `  ${c.name}: ${names.map((n) => `${n} ${results[n].medianMs.toPrecision(3)} ms`).join(', ')}`,
  );
  return {
    name: c.name,
    kind: c.kind,
    work: workOf(c),
    dispatched: dispatchedPath(c),
    results,
    errors,
    check,
    phases,
  };
}

// `--from FILE`: print the table of a saved `--out`/`--json` result without running again.
const from = option('--from');
if (from) {
  const saved = JSON.parse(readFileSync(from, 'utf8'));
  process.stdout.write(
    formatTable(saved.cases, saved.graphs ?? [], saved.meta, saved.editFixedCost ?? []) + '\n',
  );
  process.exit(0);
}

const startLoad = loadavg()[0];
log(
  `convflow bench: at least ${rounds} rounds after at least ${warmup} warm-up calls per case, node ${process.version}, ${cpus()[0]?.model}`,
);
const cases = benchCases().filter((c) => !only || c.name.includes(only));
const results: CaseResult[] = [];
for (const c of cases) results.push(await runCase(c));
const graphs = only ? [] : graphResults(rounds);
log('session fixed cost per edit: tiny graph, 9-node slide graph');
const editFixedCost = editFixedCosts();
const meta = {
  node: process.version,
  cpu: cpus()[0]?.model,
  cores: cpus().length,
  rounds,
  warmup,
  loadAverage: { start: startLoad, end: loadavg()[0] },
  engineWasmMemoryBytes: simdMemoryBytes(),
};
const report = { meta, cases: results, graphs, editFixedCost, edit: editSummary(results) };
const out = option('--out');
if (out) writeFileSync(out, JSON.stringify(report, null, 2) + '\n');
if (json) process.stdout.write(JSON.stringify(report, null, 2) + '\n');
else process.stdout.write(formatTable(results, graphs, meta, editFixedCost) + '\n');
