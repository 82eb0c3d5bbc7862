// `npm run bench -- --train`: samples per second of training steps (batch 32, Adam 0.001) on
// real MNIST digits, convflow against ConvNetJS and TensorFlow.js's CPU backend, peers
// interleaved round by round in one process; then convflow's memory over 1,000 steps.
import { loadMnistFromDisk } from '../../../src/cli/mnist-file.ts';
import { NETS, type BenchNet } from './nets.ts';
import { BATCH, convflowTrainer, TRAIN_PEERS, type TrainRunner } from './peers.ts';

const ROUNDS = 3;
/** Training time per peer and round; a peer slower than this still finishes one step. */
const BUDGET_MS = 2500;
const WARMUP: Record<string, number> = { convflow: 30, ConvNetJS: 2, 'tfjs-cpu': 1 };

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

async function samplesPerSecond(r: TrainRunner): Promise<number> {
  const start = performance.now();
  let samples = 0;
  while (performance.now() - start < BUDGET_MS) samples += await r.step();
  return (samples * 1000) / (performance.now() - start);
}

async function benchNet(net: BenchNet, log: (line: string) => void): Promise<Map<string, number>> {
  const data = loadMnistFromDisk().train;
  const runners = new Map<string, TrainRunner>();
  for (const peer of TRAIN_PEERS) {
    const r = await peer.prepare(net, data);
    for (let i = 0; i < (WARMUP[peer.name] ?? 1); i++) await r.step();
    runners.set(peer.name, r);
  }
  const rates = new Map<string, number[]>([...runners.keys()].map((k) => [k, []]));
  for (let round = 0; round < ROUNDS; round++) {
    for (const [name, r] of runners) rates.get(name)!.push(await samplesPerSecond(r));
    log(
      `  round ${round + 1}: ${[...rates].map(([n, v]) => `${n} ${v[round]!.toFixed(0)}/s`).join(', ')}`,
    );
  }
  for (const r of runners.values()) r.dispose();
  return new Map([...rates].map(([n, v]) => [n, median(v)]));
}

/** convflow's heap and resident memory across 1,000 LeNet steps (after a GC when exposed). */
function memoryOver1000Steps(): string {
  const gc = (globalThis as { gc?: () => void }).gc;
  const { trainer } = convflowTrainer(NETS[0]!, loadMnistFromDisk().train);
  for (let i = 0; i < 50; i++) trainer.step();
  gc?.();
  const before = process.memoryUsage();
  const start = performance.now();
  for (let i = 0; i < 1000; i++) trainer.step();
  const ms = (performance.now() - start) / 1000;
  gc?.();
  const after = process.memoryUsage();
  const mb = (b: number) => `${(b / 2 ** 20).toFixed(1)} MB`;
  return [
    `convflow LeNet, 1,000 steps of ${BATCH}: ${ms.toFixed(2)} ms a step;`,
    `heap ${mb(before.heapUsed)} → ${mb(after.heapUsed)}, resident ${mb(before.rss)} → ${mb(after.rss)}`,
    gc ? '(after a full GC)' : '(no --expose-gc: heap figures include garbage)',
  ].join(' ');
}

export async function runTrainBench(log: (line: string) => void): Promise<void> {
  log('Training throughput: samples/s of training steps, batch 32, Adam 0.001, real MNIST digits.');
  log(
    "TensorFlow.js's wasm backend cannot train a CNN (no Conv2DBackpropFilter kernel): not a peer.",
  );
  const rows: string[][] = [];
  for (const net of NETS) {
    log(`${net.name}:`);
    const rates = await benchNet(net, log);
    const ours = rates.get('convflow')!;
    const cnn = rates.get('ConvNetJS')!;
    const tfc = rates.get('tfjs-cpu')!;
    rows.push([
      net.name,
      ours.toFixed(0),
      cnn.toFixed(0),
      tfc.toFixed(1),
      `${(ours / cnn).toFixed(1)}×`,
      `${(ours / tfc).toFixed(0)}×`,
      ours / cnn >= 10 ? 'met' : 'NOT met',
    ]);
  }
  const header = [
    'net',
    'convflow /s',
    'ConvNetJS /s',
    'tfjs-cpu /s',
    '÷ ConvNetJS',
    '÷ tfjs-cpu',
    'goal ≥10× ConvNetJS',
  ];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ');
  log('');
  log(line(header));
  log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  for (const r of rows) log(line(r));
  log('');
  log(memoryOver1000Steps());
}
