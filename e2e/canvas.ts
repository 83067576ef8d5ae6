import type { Page } from 'playwright-core';

/** Drags a step from the palette and drops it at (dx, dy) from the trigger node's center. */
export async function dropStep(page: Page, type: string, dx: number, dy: number): Promise<void> {
  const trigger = await page.locator('[data-testid=node-trigger]').boundingBox();
  if (!trigger) throw new Error('no trigger on the canvas');
  const targetPosition = await paneOffset(
    page,
    trigger.x + trigger.width / 2 + dx,
    trigger.y + trigger.height / 2 + dy,
  );
  await page.dragAndDrop(`[data-testid=palette-${type}]`, '.react-flow__pane', {
    targetPosition,
    timeout: 8000,
  });
}

async function paneOffset(page: Page, x: number, y: number) {
  const pane = await page.locator('.react-flow__pane').boundingBox();
  if (!pane) throw new Error('no canvas pane');
  return { x: x - pane.x, y: y - pane.y };
}

/** Draws a connection from a node's output handle to another node's input, as a person would with the mouse. */
export async function connect(
  page: Page,
  source: string,
  port: string,
  target: string,
): Promise<void> {
  const from = await page
    .locator(`[data-testid=node-${source}] .react-flow__handle[data-handleid="${port}"]`)
    .boundingBox();
  const to = await page
    .locator(`[data-testid=node-${target}] .react-flow__handle.target`)
    .boundingBox();
  if (!from || !to) throw new Error(`cannot find handles ${source}.${port} → ${target}`);
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 12 });
  await page.mouse.up();
}
