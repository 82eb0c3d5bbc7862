import type { FixedCostResult } from './edit-session.ts';
import { geomean, time } from './format.ts';
import type { CaseResult } from './table.ts';

/** The edit column of one case, beside the bare kernel and tfjs-wasm. */
export interface EditCase {
  name: string;
  kind: CaseResult['kind'];
  editMs: number;
  editMinMs: number;
  /** The dispatched path's bare kernel call (weights packed beforehand). */
  kernelMs: number;
  tfjsWasmMs: number | undefined;
  /** tfjs-wasm ÷ edit, medians (> 1: the edit is faster than tfjs-wasm's whole layer). */
  vsTfjsWasm: number | undefined;
  /** The same by minimum times. */
  vsTfjsWasmByMin: number | undefined;
  /** Edit ÷ bare kernel, medians: what the session adds around the kernel. */
  overKernel: number;
  /** Medians of the edit's apply, evaluate and readying the output for the page. */
  phasesMs: Record<string, number> | undefined;
  /** The same edit with its output lent in shared memory (a cross-origin isolated page). */
  lentMs: number | undefined;
  /** An edit that runs the layer again (a new bias value; MaxPool: the same re-set padding). */
  biasMs: number | undefined;
  /** tfjs-wasm ÷ that edit, medians. */
  biasVsTfjsWasm: number | undefined;
  /** That edit ÷ the bare kernel, medians. */
  biasOverKernel: number | undefined;
}

export interface EditSummary {
  cases: EditCase[];
  /** Geometric mean of `vsTfjsWasm` over every convolution case. */
  geomeanConvVsTfjsWasm: number | undefined;
  /** The same over the five issue convolutions (at least 100,000 multiply-adds). */
  geomeanIssueConvVsTfjsWasm: number | undefined;
  /** The new-bias edit's: every convolution, and the five. */
  geomeanBiasConvVsTfjsWasm: number | undefined;
  geomeanBiasIssueConvVsTfjsWasm: number | undefined;
  /** Issue 11's done-when lines that this run can show, each met or not. */
  targets: { target: string; value: string; met: boolean }[];
}

const EDIT = 'engine edit';
const LENT = 'engine edit, lent';
const BIAS = 'engine edit, new bias';

const times = (x: number | undefined) => (x === undefined ? 'n/a' : `${x.toFixed(2)}×`);

function editCase(c: CaseResult): EditCase | null {
  const edit = c.results[EDIT];
  if (!edit) return null;
  const kernel = c.results[c.dispatched]!;
  const peer = c.results['tfjs-wasm'];
  return {
    name: c.name,
    kind: c.kind,
    editMs: edit.medianMs,
    editMinMs: edit.minMs,
    kernelMs: kernel.medianMs,
    tfjsWasmMs: peer?.medianMs,
    vsTfjsWasm: peer && peer.medianMs / edit.medianMs,
    vsTfjsWasmByMin: peer && peer.minMs / edit.minMs,
    overKernel: edit.medianMs / kernel.medianMs,
    phasesMs: c.phases?.[EDIT],
    lentMs: c.results[LENT]?.medianMs,
    biasMs: c.results[BIAS]?.medianMs,
    biasVsTfjsWasm: peer && c.results[BIAS] && peer.medianMs / c.results[BIAS].medianMs,
    biasOverKernel: c.results[BIAS] && c.results[BIAS].medianMs / kernel.medianMs,
  };
}

/** The edit column against tfjs-wasm and the bare kernel, and issue 11's targets. */
export function editSummary(cases: CaseResult[]): EditSummary {
  const edits = cases.map(editCase).filter((e): e is EditCase => e !== null);
  const convs = edits.filter((e) => e.kind === 'conv' && e.vsTfjsWasm !== undefined);
  const issueConvs = convs.filter((e) => cases.find((c) => c.name === e.name)!.work >= 100_000);
  const mean = (xs: EditCase[]) => (xs.length ? geomean(xs.map((e) => e.vsTfjsWasm!)) : undefined);
  const biasMean = (xs: EditCase[]) =>
    xs.every((e) => e.biasVsTfjsWasm !== undefined) && xs.length
      ? geomean(xs.map((e) => e.biasVsTfjsWasm!))
      : undefined;
  const summary: EditSummary = {
    cases: edits,
    geomeanConvVsTfjsWasm: mean(convs),
    geomeanIssueConvVsTfjsWasm: mean(issueConvs),
    geomeanBiasConvVsTfjsWasm: biasMean(convs),
    geomeanBiasIssueConvVsTfjsWasm: biasMean(issueConvs),
    targets: [],
  };
  const at = (e: EditCase | undefined, x: number | undefined) => (e ? `${e.name} ${times(x)}` : '');
  if (convs.length) {
    const worst = convs.reduce((a, b) => (b.vsTfjsWasm! < a.vsTfjsWasm! ? b : a));
    summary.targets.push({
      target: 'edit ≥ 1.0× tfjs-wasm on every convolution',
      value: `lowest: ${at(worst, worst.vsTfjsWasm)}`,
      met: worst.vsTfjsWasm! >= 1,
    });
    summary.targets.push({
      target: 'geometric mean over the convolutions ≥ 1.3×',
      value: times(summary.geomeanConvVsTfjsWasm),
      met: summary.geomeanConvVsTfjsWasm! >= 1.3,
    });
  }
  for (const kind of ['dense', 'pool'] as const)
    for (const e of edits.filter((x) => x.kind === kind && x.vsTfjsWasm !== undefined))
      summary.targets.push({
        target: `${e.name}: edit ≥ 1.0× tfjs-wasm`,
        value: times(e.vsTfjsWasm),
        met: e.vsTfjsWasm! >= 1,
      });
  const small = edits.find((e) => e.name === 'conv 28×28×1→32');
  if (small)
    summary.targets.push({
      target: 'conv 28×28×1→32: edit ≤ 1.25× the bare kernel call',
      value: times(small.overKernel),
      met: small.overKernel <= 1.25,
    });
  return summary;
}

/** Markdown: the edit summary, where the edit's time goes, and the session's fixed cost. */
export function formatEditNotes(cases: CaseResult[], fixed: FixedCostResult[]): string[] {
  const s = editSummary(cases);
  if (!s.cases.length && !fixed.length) return [];
  const lines = [
    '',
    'Edits: "engine edit" is one `setParams` (Conv2D and Dense: activation linear ↔ relu; MaxPool: `padding` re-set to its own value) applied to an `EngineSession` holding Input → the layer with explicit weights, then `evaluate()`, then the copy of the output the worker makes for transfer (`toWireReport`), as on a page served without cross-origin isolation. After the first toggle the session keeps the layer\'s sums and applies only the activation: the edit costs a pass over the output, not the layer. "new bias" is an edit the layer must run again for (the first bias value typed one higher, then back, as `setCells`; MaxPool: the same padding re-set), copied for transfer like "engine edit": it is what the session adds around the kernel. "lent" is the same edit with the output lent in shared memory instead, as on an isolated page (how `vite` serves the app), the page\'s lease on the previous output given back; writing and reading shared memory costs V8 about 1.7× a private copy, so in Node, where allocating is cheap, lending gains little or loses, while in Chromium\'s worker it removed 3–12 ms from a 224×224 edit (`npm run bench:e2e -- --only input`). The kernel is the bold column; tfjs-wasm runs the whole layer (fused, with bias) from the same input. Each edit is checked against the reference with the activation it left.',
    '',
  ];
  if (s.cases.length) {
    lines.push(
      '| case | kernel | edit | apply | evaluate | to the page | tfjs-wasm | edit vs tfjs-wasm | same, by min | edit ÷ kernel | lent | lent vs tfjs-wasm | new bias | new bias vs tfjs-wasm | new bias ÷ kernel |',
    );
    lines.push(
      '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    );
    for (const e of s.cases) {
      const p = (k: string) => time(e.phasesMs?.[k]);
      lines.push(
        `| ${e.name} | ${time(e.kernelMs)} | ${time(e.editMs)} | ${p('apply')} | ${p('evaluate')} | ${p('copy')} | ${time(e.tfjsWasmMs)} | ${times(e.vsTfjsWasm)} | ${times(e.vsTfjsWasmByMin)} | ${times(e.overKernel)} | ${time(e.lentMs)} | ${times(e.tfjsWasmMs && e.lentMs && e.tfjsWasmMs / e.lentMs)} | ${time(e.biasMs)} | ${times(e.biasVsTfjsWasm)} | ${times(e.biasOverKernel)} |`,
      );
    }
    lines.push('');
    if (s.geomeanConvVsTfjsWasm !== undefined)
      lines.push(`geomean edit vs tfjs-wasm, all convolutions: ${times(s.geomeanConvVsTfjsWasm)}`);
    if (s.geomeanIssueConvVsTfjsWasm !== undefined)
      lines.push(
        `geomean edit vs tfjs-wasm, the five issue convolutions: ${times(s.geomeanIssueConvVsTfjsWasm)}`,
      );
    if (s.geomeanBiasConvVsTfjsWasm !== undefined)
      lines.push(
        `geomean new-bias edit vs tfjs-wasm: all convolutions ${times(s.geomeanBiasConvVsTfjsWasm)}, the five ${times(s.geomeanBiasIssueConvVsTfjsWasm)}`,
      );
  }
  if (fixed.length) {
    lines.push(
      '',
      '| session fixed cost per edit (apply + evaluate + to the page) | median | min | apply | evaluate | to the page | |',
    );
    lines.push('| --- | --- | --- | --- | --- | --- | --- |');
    for (const f of fixed)
      lines.push(
        `| ${f.name} | ${time(f.medianMs)} | ${time(f.minMs)} | ${time(f.phasesMs.apply)} | ${time(f.phasesMs.evaluate)} | ${time(f.phasesMs.copy)} | ${f.note} |`,
      );
  }
  if (s.targets.length) {
    lines.push('', 'Issue 11 targets (edit column, medians of this run):', '');
    for (const t of s.targets)
      lines.push(`- ${t.target}: ${t.value}: ${t.met ? 'met' : 'NOT met'}`);
  }
  lines.push('');
  return lines;
}
