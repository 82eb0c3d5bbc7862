import type { FixedCostResult } from './edit-session.ts';
import { formatEditNotes } from './edit-table.ts';
import { geomean, time } from './format.ts';
import type { GraphResult } from './graphs.ts';

/** Timings of one case for every implementation. */
export interface CaseResult {
  name: string;
  kind: 'conv' | 'pool' | 'dense';
  /** Multiply-adds (compares for pooling). */
  work: number;
  /** The engine path the registry takes for this shape. */
  dispatched: string;
  results: Record<string, { medianMs: number; minMs: number; samples: number[] }>;
  /** Implementations that could not run, with the reason. */
  errors: Record<string, string>;
  /** Largest |got − want| / (1 + |want|) against the engine's TypeScript kernels. */
  check: Record<string, number>;
  /** Median milliseconds of each part of a call, for runners that time their parts. */
  phases?: Record<string, Record<string, number>>;
}

const EDIT = 'engine edit';
const PEERS = ['engine TS', 'tfjs-cpu', 'tfjs-wasm', 'ort-wasm'];
const COLUMNS = [
  'engine wasm',
  'engine wasm, new array',
  'engine TS',
  EDIT,
  'engine edit, lent',
  'engine edit, new bias',
  'tfjs-cpu',
  'tfjs-wasm',
  'ort-wasm',
];

/** The engine's time: its dispatched path. */
function engineMs(c: CaseResult): number {
  return c.results[c.dispatched].medianMs;
}

/** How many times longer a peer takes than the engine (> 1: the engine is faster). */
export function ratio(c: CaseResult, peer: string): number | undefined {
  const p = c.results[peer];
  return p ? p.medianMs / engineMs(c) : undefined;
}

/** A Markdown table: median times, the engine's GFLOP/s, and the engine's ratio to each peer. */
export function formatTable(
  cases: CaseResult[],
  graphs: GraphResult[],
  meta: Record<string, unknown>,
  fixed: FixedCostResult[] = [],
): string {
  const head = [
    'case',
    ...COLUMNS,
    'GFLOP/s',
    ...PEERS.map((p) => `vs ${p}`),
    'edit vs tfjs-wasm',
    'edit ÷ kernel',
  ];
  const rows = cases.map((c) => {
    const times = COLUMNS.map((n) =>
      n === c.dispatched ? `**${time(c.results[n]?.medianMs)}**` : time(c.results[n]?.medianMs),
    );
    const gflops = c.kind === 'pool' ? '—' : ((2 * c.work) / engineMs(c) / 1e6).toFixed(1);
    const ratios = PEERS.map((p) =>
      ratio(c, p) === undefined ? 'n/a' : `${ratio(c, p)!.toFixed(2)}×`,
    );
    const edit = c.results[EDIT]?.medianMs;
    const peer = c.results['tfjs-wasm']?.medianMs;
    const editRatios = [
      edit && peer ? `${(peer / edit).toFixed(2)}×` : 'n/a',
      edit ? `${(edit / engineMs(c)).toFixed(2)}×` : 'n/a',
    ];
    return [c.name, ...times, gflops, ...ratios, ...editRatios];
  });
  const lines = [head, head.map(() => '---'), ...rows].map((r) => `| ${r.join(' | ')} |`);
  const convs = cases.filter((c) => c.kind === 'conv' && c.results['tfjs-wasm']);
  const notes = [''];
  if (convs.length) {
    const big = convs.filter((c) => c.work >= 100_000);
    notes.push(
      `geomean vs tfjs-wasm, all convolutions: ${geomean(convs.map((c) => ratio(c, 'tfjs-wasm')!)).toFixed(2)}×`,
    );
    if (big.length && big.length !== convs.length)
      notes.push(
        `geomean vs tfjs-wasm, the five issue convolutions: ${geomean(big.map((c) => ratio(c, 'tfjs-wasm')!)).toFixed(2)}×`,
      );
  }
  notes.push(...formatEditNotes(cases, fixed));
  notes.push('', 'Minimum times (less sensitive to other load on the machine):', '');
  notes.push('| case | engine | tfjs-wasm | ort-wasm | GFLOP/s | vs tfjs-wasm | vs ort-wasm |');
  notes.push('| --- | --- | --- | --- | --- | --- | --- |');
  for (const c of cases) {
    const engine = c.results[c.dispatched].minMs;
    const peer = (p: string) => c.results[p]?.minMs;
    const vs = (p: string) =>
      peer(p) === undefined ? 'n/a' : `${(peer(p)! / engine).toFixed(2)}×`;
    const gflops = c.kind === 'pool' ? '—' : ((2 * c.work) / engine / 1e6).toFixed(1);
    notes.push(
      `| ${c.name} | ${time(engine)} | ${time(peer('tfjs-wasm'))} | ${time(peer('ort-wasm'))} | ${gflops} | ${vs('tfjs-wasm')} | ${vs('ort-wasm')} |`,
    );
  }
  if (graphs.length) {
    notes.push('', '| whole engine (session, registry dispatch) | median | min | |');
    notes.push('| --- | --- | --- | --- |');
    for (const g of graphs)
      notes.push(`| ${g.name} | ${time(g.medianMs)} | ${time(g.minMs)} | ${g.note} |`);
    notes.push('');
  }
  for (const c of cases)
    for (const [impl, why] of Object.entries(c.errors))
      notes.push(`${c.name}: ${impl} did not run: ${why}`);
  notes.push(
    `Bold: the path the engine's registry takes for that shape; ratios compare it with each peer (> 1×: the engine is faster). "edit vs tfjs-wasm": tfjs-wasm ÷ engine edit; "edit ÷ kernel": engine edit ÷ the bold column.`,
  );
  notes.push(`meta: ${JSON.stringify(meta)}`);
  return [...lines, ...notes].join('\n');
}
