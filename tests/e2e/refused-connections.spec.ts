import { snap } from './screenshot.ts';
import {
  connect,
  deleteNode,
  edge,
  nodeCard,
  notice,
  openApp,
  paletteItem,
  expect,
  test,
} from './helpers.ts';

test('a cycle and a second input are refused, with the reason shown', async ({ page }, info) => {
  await openApp(page);
  // input → conv → max_pool_1: a palette click adds after the selected node, connected.
  await nodeCard(page, 'Conv2D', 'conv').locator('header').click();
  await paletteItem(page, 'MaxPool').click();
  await expect(edge(page, 'conv', 'max_pool_1')).toBeVisible();
  await page.getByRole('button', { name: 'Fit View' }).click();
  const edges = page.locator('.react-flow__edge');
  await expect(edges).toHaveCount(2);

  // A second input into max_pool_1, which conv already feeds.
  await connect(page, 'input', 'max_pool_1');
  const secondInput = notice(
    page,
    '"max_pool_1" already has an input ("conv"); a node takes at most one',
  );
  await expect(secondInput).toBeVisible();
  await expect(edge(page, 'input', 'max_pool_1')).toHaveCount(0);
  await expect(edges).toHaveCount(2);
  await snap(page, info, 'second-input');
  await secondInput.getByRole('button', { name: 'Dismiss' }).click();

  // Without the Input, conv has no input, so feeding it from downstream is only a cycle.
  await deleteNode(page, nodeCard(page, 'Input', 'input'));
  await expect(edges).toHaveCount(1);
  await connect(page, 'max_pool_1', 'conv');
  await expect(notice(page, 'connecting "max_pool_1" to "conv" would make a cycle')).toBeVisible();
  await expect(edge(page, 'max_pool_1', 'conv')).toHaveCount(0);
  await expect(edges).toHaveCount(1);
  await snap(page, info);
});
