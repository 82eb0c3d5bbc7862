import type { EvaluationReport } from '../engine/session.ts';

/**
 * The shortest decimal that reads back as the same float32: 0.1, not 0.10000000149011612.
 * JSON has no Infinity or NaN (an overflow in a layer can produce them): those print as
 * null, as JSON.stringify writes them.
 */
export function formatFloat32(x: number): string {
  if (!Number.isFinite(x)) return 'null';
  if (Number.isInteger(x) && Math.abs(x) <= 2 ** 24) return String(x);
  for (let p = 1; p < 9; p++) {
    const s = Number(x.toPrecision(p));
    if (Math.fround(s) === x) return String(s);
  }
  return String(Number(x.toPrecision(9)));
}

/**
 * `{"outputs": {"<id>": {"shape": [...], "data": [...]}}, "errors": {"<id>": "message"}}`,
 * written in pieces so a large output never becomes one giant string.
 */
export function writeReport(
  report: EvaluationReport,
  order: readonly string[],
  write: (chunk: string) => void,
): void {
  write('{"outputs": {');
  let first = true;
  for (const id of order) {
    const t = report.outputs.get(id);
    if (!t) continue;
    write(
      `${first ? '' : ','}\n  ${JSON.stringify(id)}: {"shape": ${JSON.stringify(t.shape)}, "data": [`,
    );
    first = false;
    const chunk = 65_536;
    for (let i = 0; i < t.data.length; i += chunk) {
      const part = Array.from(t.data.subarray(i, i + chunk), formatFloat32).join(', ');
      write(i === 0 ? part : `, ${part}`);
    }
    write(']}');
  }
  write(first ? '},\n "errors": {' : '\n },\n "errors": {');
  const errors = order.filter((id) => report.errors.has(id));
  errors.forEach((id, i) =>
    write(
      `${i === 0 ? '' : ','}\n  ${JSON.stringify(id)}: ${JSON.stringify(report.errors.get(id))}`,
    ),
  );
  write(errors.length > 0 ? '\n }}\n' : '}}\n');
}

/** One stderr line per node for `--profile`. */
export function profileLines(report: EvaluationReport, typeOf: (id: string) => string): string[] {
  const lines = report.recomputed.map((id) => {
    const shape = report.shapes.get(id);
    const shown = shape?.ok ? shape.shape.join('×') : 'error';
    return `${id.padEnd(16)} ${typeOf(id).padEnd(8)} ${shown.padEnd(14)} ${(report.timings.get(id) ?? 0).toFixed(3)} ms`;
  });
  lines.push(`total: ${report.recomputed.length} nodes in ${report.elapsedMs.toFixed(3)} ms`);
  return lines;
}
