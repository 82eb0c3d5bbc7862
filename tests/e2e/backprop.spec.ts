import { cells, expect, loadPreset, openApp, test } from './helpers.ts';
import { explanation, switchLanguage } from './explain-helpers.ts';
import { snap } from './screenshot.ts';

/**
 * One SGD step walked through on the slides' 5×5 convolution: the preset trains slide 1's
 * filter towards a 3×3 target. The numbers expected here are worked out from the slide's
 * input and filter by the test itself, the way a learner would by hand.
 */
const X = [0, 0, 1, 0, 0, 0, 1, 0, 1, 0, 1, 0, 0, 0, 1, 0, 1, 0, 1, 0, 0, 0, 1, 0, 0];
const W = [0, 0, 1, 0, 1, 0, 1, 0, 0];
const TARGET = [1, 0, 3, 0, 2, 0, 3, 0, 1];
const LR = 0.1;

const conv = (w: number[]) =>
  Array.from({ length: 9 }, (_, o) => {
    const [oy, ox] = [Math.floor(o / 3), o % 3];
    let s = 0;
    for (let k = 0; k < 9; k++) s += X[(oy + Math.floor(k / 3)) * 5 + ox + (k % 3)]! * w[k]!;
    return s;
  });
/** One SGD step by hand: dL/dy = 2(y − t)/9, dL/dw = Σ x·dL/dy, w − lr·dL/dw. */
function handStep(w: number[]) {
  const y = conv(w);
  const dy = y.map((v, i) => (2 * (v - TARGET[i]!)) / 9);
  const loss = y.reduce((a, v, i) => a + (v - TARGET[i]!) ** 2, 0) / 9;
  const grad = w.map((_, k) => {
    let s = 0;
    for (let o = 0; o < 9; o++)
      s += X[(Math.floor(o / 3) + Math.floor(k / 3)) * 5 + (o % 3) + (k % 3)]! * dy[o]!;
    return s;
  });
  return { y, dy, loss, grad, next: w.map((v, k) => v - LR * grad[k]!) };
}
/** As the explain view writes a value: up to four significant digits. */
const long = (v: number) => String(Number(v.toPrecision(4)));
/** As a grid cell shows it: two significant digits. */
const short = (v: number) => (Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(2))));

test('walk one SGD step of the slide-1 convolution backwards, then a second', async ({
  page,
}, info) => {
  await openApp(page);
  await loadPreset(page, '13-backprop-step');
  await expect(cells(page, 'conv channel 0')).toHaveText([
    '3',
    '0',
    '1',
    '0',
    '2',
    '0',
    '1',
    '0',
    '3',
  ]);
  // The preset has a training section, so the Train panel opens beside the canvas; its code
  // loads the first time, and a cell clicked meanwhile may have moved by the time it opens.
  await expect(page.getByRole('complementary', { name: 'Train the network' })).toBeVisible();
  await cells(page, 'conv channel 0').first().click();
  const panel = explanation(page);
  await panel.getByRole('button', { name: 'Backward', exact: true }).click();
  await expect(panel.getByText(/^Take one training step/)).toBeVisible();
  await panel.getByRole('button', { name: 'Take one step', exact: true }).click();

  const first = handStep(W);
  await expect(
    panel.getByText(`Step 1: epoch 1, batch 1 · loss ${long(first.loss)}`),
  ).toBeVisible();
  // Cell (0, 0): its gradient comes from the loss, 2·(y − t)/9.
  const cellSection = panel.getByRole('region', { name: 'Gradient at this cell' });
  await expect(cellSection.getByText('∂L/∂y at row 0, col 0 =')).toContainText(long(first.dy[0]!));
  await expect(
    cellSection.getByText(/^From the loss \(mean squared error over 9 values\)/),
  ).toContainText(`2 × (3 − 1) / 9 = ${long(first.dy[0]!)}`);

  // Weight w[0, 0]: the input values it met, the δ grid, the products and the update.
  const weight = panel.getByRole('region', { name: 'Gradient of a weight, and its update' });
  const grid = (name: string) => weight.getByRole('table', { name, exact: true }).getByRole('cell');
  await expect(grid('input values this weight multiplied (sample 1)')).toHaveText(
    [0, 1, 2, 5, 6, 7, 10, 11, 12].map((i) => String(X[i])),
  );
  await expect(grid('δ = ∂L/∂z at each output position')).toHaveText(first.dy.map(short));
  await expect(weight.getByText(/^∂L\/∂w =/)).toHaveText(`∂L/∂w = ${long(first.grad[0]!)}`);
  await expect(weight.getByText(/^w′ = w − lr × ∂L\/∂w/)).toHaveText(
    `w′ = w − lr × ∂L/∂w = 0 − 0.1 × ${long(first.grad[0]!)} = ${long(first.next[0]!)}`,
  );
  // Another weight, picked on the filter: w[0, 2], the slide's 1 in the corner.
  await weight.getByRole('button', { name: 'w[0, 2] of filter 0, ch 0' }).click();
  await expect(grid('input values this weight multiplied (sample 1)')).toHaveText(
    [2, 3, 4, 7, 8, 9, 12, 13, 14].map((i) => String(X[i])),
  );
  await expect(weight.getByText(/^∂L\/∂w =/)).toHaveText(`∂L/∂w = ${long(first.grad[2]!)}`);
  await expect(weight.getByText(/^w′ = w − lr × ∂L\/∂w/)).toHaveText(
    `w′ = w − lr × ∂L/∂w = 1 − 0.1 × ${long(first.grad[2]!)} = ${long(first.next[2]!)}`,
  );
  // The graph now computes with the updated filter: its output is the new forward pass.
  await expect(cells(page, 'conv channel 0')).toHaveText(conv(first.next).map(short));
  await snap(page, info, 'step-1');

  // Step forward: the second step starts from the first one's weights.
  await panel.getByRole('button', { name: 'Take another step', exact: true }).click();
  const second = handStep(first.next);
  await expect(
    panel.getByText(`Step 2: epoch 2, batch 1 · loss ${long(second.loss)}`),
  ).toBeVisible();
  await expect(weight.getByText(/^∂L\/∂w =/)).toHaveText(`∂L/∂w = ${long(second.grad[2]!)}`);
  await expect(cells(page, 'conv channel 0')).toHaveText(conv(second.next).map(short));
  // Undo goes back a step: the weights before it, on the canvas; training goes on from
  // them, as a new run (its step 1 is the undone step 2 again).
  await page.keyboard.press('Control+z');
  await expect(cells(page, 'conv channel 0')).toHaveText(conv(first.next).map(short));
  await panel.getByRole('button', { name: 'Take another step', exact: true }).click();
  await expect(
    panel.getByText(`Step 1: epoch 1, batch 1 · loss ${long(second.loss)}`),
  ).toBeVisible();
  await expect(weight.getByText(/^∂L\/∂w =/)).toHaveText(`∂L/∂w = ${long(second.grad[2]!)}`);

  await switchLanguage(page, '日本語');
  const ja = explanation(page, '計算の解説');
  await expect(ja.getByRole('button', { name: '逆伝播', exact: true })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(ja.getByText(/^ステップ1: エポック1、バッチ1/)).toBeVisible();
  await snap(page, info, 'ja');
});
