import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, test } from 'vitest';
import { renderWithQueries, setupApiTests, stubApi } from '../channels/test-api';
import InboxPage from './inbox-page';
import { InboxNavBadge } from './nav-badge';
import { BETO, detail, list, ME, summary } from './test-fixtures';

setupApiTests();
beforeEach(() => window.history.replaceState(null, '', '/inbox'));

const me = { user: { ...ME, locale: 'es' } };

describe('Conversaciones: the list', () => {
  test('who waited longest is on top; each row says who, queue, journey, what they did, how long and who has it', async () => {
    stubApi({ 'GET /handoffs?status=active': () => [200, list([summary(), BETO])] });
    renderWithQueries(<InboxPage me={me} />, { role: 'agent' });
    const rows = await screen.findAllByTestId('handoff-row');
    expect(rows.map((r) => r.querySelector('.inbox-row-name')?.textContent)).toEqual([
      'Marisol Pérez',
      'Beto Ramírez',
    ]);
    const [marisol, beto] = rows as [HTMLElement, HTMLElement];
    expect(marisol.textContent).toContain('Espera desde hace 12 min');
    expect(marisol.textContent).toContain('tocó «Tengo dudas»');
    expect(marisol.textContent).toContain('ventas');
    expect(marisol.textContent).toContain('Carrito con ventas');
    expect(within(marisol).getByText('Sin tomar')).toBeTruthy();
    expect(marisol.getAttribute('href')).toBe('/inbox/h-marisol');
    // Answered, by someone else, in the unnamed queue: the words, never the codes.
    expect(beto.textContent).toContain('Respondida en 2 min');
    expect(beto.textContent).toContain('«¿Tienen talla M?»');
    expect(beto.textContent).toContain('General');
    expect(beto.textContent).toContain('Luis');
    // The queue tabs with how many are open in each.
    const queues = screen.getByRole('group', { name: 'Colas' });
    const tabs = within(queues).getAllByRole('button');
    expect(tabs.map((b) => b.textContent)).toEqual([
      'Todas21 sin tomar, 1 en atención',
      'General10 sin tomar, 1 en atención',
      'ventas11 sin tomar, 0 en atención',
    ]);
    const text = document.body.textContent ?? '';
    for (const code of ['help', 'default', 'whatsapp', 'open', 'assigned']) {
      expect(text).not.toContain(code);
    }
  });

  test('a queue tab, «Mías» and «Cerradas» ask the API for those conversations', async () => {
    const closed = summary({
      id: 'h-closed',
      status: 'closed',
      result: 'sold',
      closedAt: new Date(Date.now() - 2 * 3_600_000).toISOString(),
      firstResponseAt: new Date(Date.now() - 3 * 3_600_000).toISOString(),
      assignee: { ...ME },
    });
    const calls = stubApi({
      'GET /handoffs?status=active': () => [200, list([summary(), BETO])],
      'GET /handoffs?status=active&queue=ventas': () => [200, list([summary()])],
      'GET /handoffs?status=active&queue=ventas&assignee=me': () => [200, list([])],
      'GET /handoffs?status=closed&queue=ventas': () => [200, { ...list([]), items: [closed] }],
    });
    renderWithQueries(<InboxPage me={me} />, { role: 'agent' });
    await screen.findAllByTestId('handoff-row');
    fireEvent.click(screen.getByRole('button', { name: /^ventas/ }));
    await waitFor(() => expect(screen.getAllByTestId('handoff-row')).toHaveLength(1));
    fireEvent.click(screen.getByRole('button', { name: 'Mías' }));
    expect(
      await screen.findByText('No tienes conversaciones. Toma una de «Abiertas».'),
    ).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Cerradas' }));
    const row = await screen.findByTestId('handoff-row');
    expect(row.textContent).toContain('Cerrada hace 2 h');
    expect(row.textContent).toContain('Vendió');
    expect(calls.map((c) => c.path)).toContain('/handoffs?status=closed&queue=ventas');
  });

  test('the navigation badge counts the conversations nobody took, and hides at zero', async () => {
    let unassigned = [summary(), summary({ id: 'h-2' }), summary({ id: 'h-3' })];
    // The badge reads the counts only, never the list.
    stubApi({
      'GET /handoffs/summary': () => {
        const { items: _items, ...counts } = list(unassigned);
        return [200, counts];
      },
    });
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const { rerender } = render(
      <QueryClientProvider client={client}>
        <InboxNavBadge />
      </QueryClientProvider>,
    );
    const badge = await screen.findByTestId('inbox-badge');
    expect(badge.textContent).toBe('33 sin tomar');
    expect(badge.getAttribute('title')).toBe('3 sin tomar');
    unassigned = [];
    await client.invalidateQueries();
    rerender(
      <QueryClientProvider client={client}>
        <InboxNavBadge />
      </QueryClientProvider>,
    );
    await waitFor(() => expect(screen.queryByTestId('inbox-badge')).toBeNull());
  });

  test('opening a row shows its conversation beside the list', async () => {
    stubApi({
      'GET /handoffs?status=active': () => [200, list([summary()])],
      'GET /handoffs/h-marisol': () => [200, detail()],
    });
    renderWithQueries(<InboxPage me={me} />, { role: 'agent' });
    expect(screen.getByText(/Elige una conversación/)).toBeTruthy();
    fireEvent.click(await screen.findByTestId('handoff-row'));
    expect(
      await screen.findByRole('region', { name: 'Conversación con Marisol Pérez' }),
    ).toBeTruthy();
    expect(window.location.pathname).toBe('/inbox/h-marisol');
  });
});
