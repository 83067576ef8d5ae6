import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, expect, test } from 'vitest';
import i18n from '../i18n/index';
import { HandoffMetrics } from './handoff-metrics';

beforeAll(async () => {
  await i18n.changeLanguage('es');
});
afterEach(cleanup);

test('each queue: conversations, first response (median and p90), results and purchases in words', () => {
  render(
    <HandoffMetrics
      queues={[
        {
          queue: 'ventas',
          total: 8,
          open: 1,
          closed: 7,
          sold: 3,
          solved: 2,
          no_sale: 2,
          first_response_median_seconds: 240,
          first_response_p90_seconds: 5400,
          close_median_seconds: 7200,
          converted: 4,
        },
      ]}
    />,
  );
  const row = screen.getByText('ventas').closest('tr') as HTMLElement;
  const cells = within(row)
    .getAllByRole('cell')
    .map((c) => c.textContent);
  expect(cells).toEqual([
    'ventas',
    '8',
    '1',
    '4 min · p90 1,5 h',
    '2 h',
    '3',
    '2',
    '2',
    '4 (50.0 %)',
  ]);
  expect(screen.getByText('Conversaciones pasadas a personas')).toBeTruthy();
});

test('a journey that handed nothing to people shows no table', () => {
  const { container } = render(<HandoffMetrics queues={[]} />);
  expect(container.textContent).toBe('');
});
