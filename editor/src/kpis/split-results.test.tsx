import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, expect, test } from 'vitest';
import i18n from '../i18n/index';
import { SplitResults } from './split-results';

beforeAll(async () => {
  await i18n.changeLanguage('es');
});
afterEach(cleanup);

const variant = (port: string, entered: number, converted: number) => ({
  port,
  label: port.toUpperCase(),
  entered,
  converted,
  rate: converted / entered,
  ci95: { low: 0, high: 1 },
});

test('the winner is named, with the difference and its interval, only when there is one', () => {
  render(
    <SplitResults
      id="split_ab"
      name="Prueba del saludo"
      split={{
        variants: [variant('a', 400, 120), variant('b', 400, 60)],
        winner: 'a',
        difference: { value: 0.15, ci95: { low: 0.09, high: 0.21 } },
      }}
    />,
  );
  expect(screen.getByText('Prueba A/B: Prueba del saludo')).toBeTruthy();
  expect(screen.getAllByText('Ganadora')).toHaveLength(1);
  expect(screen.getByText('Gana «A» por 15.0 pp (IC 95 %: +9.0 pp a +21.0 pp).')).toBeTruthy();
});

test('no winner yet: says the difference may be chance', () => {
  render(
    <SplitResults
      id="split_ab"
      name="Prueba del saludo"
      split={{
        variants: [variant('a', 40, 6), variant('b', 40, 5)],
        winner: null,
        difference: { value: 0.025, ci95: { low: -0.13, high: 0.18 } },
      }}
    />,
  );
  expect(screen.queryByText('Ganadora')).toBeNull();
  expect(screen.getByText('Aún sin ganadora: la diferencia todavía puede ser azar.')).toBeTruthy();
});
