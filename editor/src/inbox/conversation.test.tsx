import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, test } from 'vitest';
import type { SyncedTemplate } from '../channels/api';
import { renderWithQueries, setupApiTests, stubApi } from '../channels/test-api';
import type { HandoffDetail } from './api';
import InboxPage from './inbox-page';
import { agentAnswer, detail, list, ME, summary } from './test-fixtures';

setupApiTests();
beforeEach(() => window.history.replaceState(null, '', '/inbox/h-marisol'));

const me = { user: { ...ME, locale: 'es' } };
const CLIENT_ID = /^[A-Za-z0-9_-]{8,64}$/;

/** The inbox with Marisol's conversation open, answering with `current` (changed by the routes). */
function open(current: { value: HandoffDetail }, more: Record<string, (body: any) => any> = {}) {
  return stubApi({
    'GET /handoffs?status=active': () => [200, list([current.value])],
    'GET /handoffs/h-marisol': () => [200, current.value],
    ...more,
  });
}

describe('Conversaciones: one conversation', () => {
  test('shows every message as bubbles and the journey’s context: cart, what they tapped, the path, the note', async () => {
    open({ value: detail() });
    renderWithQueries(<InboxPage me={me} />, { role: 'agent' });
    const thread = await screen.findByTestId('thread');
    const journey = within(thread).getByTestId('message-journey');
    expect(journey.textContent).toContain('Flujo «Carrito con ventas»');
    expect(journey.textContent).toContain('WhatsApp');
    expect(journey.textContent).toContain('leído');
    const customer = within(thread).getByTestId('message-customer');
    expect(customer.textContent).toContain('Marisol Pérez');
    expect(customer.textContent).toContain('tocó «Tengo dudas»');
    expect(thread.textContent).toContain('Pasó a la cola «ventas»');

    const context = screen.getByTestId('context');
    const cart = within(context).getByTestId('event-facts');
    expect(cart.textContent).toContain('Total$1,450.00');
    expect(cart.textContent).toContain('Productos2');
    expect(cart.textContent).toContain('CarritoK-1001');
    expect(
      within(cart)
        .getByRole('link', { name: /Abrir el carrito/ })
        .getAttribute('href'),
    ).toBe('https://t.mx/k');
    expect(cart.textContent).toContain('couponVERANO10');
    expect(within(context).getByTestId('last-inbound').textContent).toBe('tocó «Tengo dudas»');
    expect(within(context).getByTestId('path').textContent).toContain(
      '¿Qué hizo? → tocó «Tengo dudas»',
    );
    expect(context.textContent).toContain('Tiene dudas sobre su carrito de $1,450.00');
    expect(
      within(context).getByRole('link', { name: 'Carrito con ventas' }).getAttribute('href'),
    ).toBe('/journeys/j-cart');
    expect(
      within(context).getByRole('link', { name: 'Ver la ficha del contacto' }).getAttribute('href'),
    ).toBe('/contacts/c-marisol');
    expect(screen.getByTestId('reply-window').textContent).toMatch(
      /La ventana de 24 h de WhatsApp cierra en (4|5) h/,
    );
    expect(document.body.textContent).not.toContain('cart_total');
  });

  test('«Tomar» assigns it to me; «Devolver a la cola» gives it back', async () => {
    const current = { value: detail() };
    const calls = open(current, {
      'PATCH /handoffs/h-marisol': (body) => {
        current.value = {
          ...current.value,
          status: body.assignTo ? 'assigned' : 'open',
          assignee: body.assignTo ? { ...ME } : null,
        };
        return [200, current.value];
      },
    });
    renderWithQueries(<InboxPage me={me} />, { role: 'agent' });
    fireEvent.click(await screen.findByRole('button', { name: 'Tomar' }));
    await waitFor(() =>
      expect(screen.getByTestId('handoff-state').textContent).toBe('La atiendes tú'),
    );
    expect(calls.find((c) => c.method === 'PATCH')?.body).toEqual({ assignTo: 'me' });
    expect(screen.queryByRole('button', { name: 'Tomar' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Devolver a la cola' }));
    await waitFor(() => expect(screen.getByTestId('handoff-state').textContent).toBe('Sin tomar'));
    expect(calls.filter((c) => c.method === 'PATCH').at(-1)?.body).toEqual({ assignTo: null });
  });

  test('an answer goes out once with its own client id, and shows in the conversation with the agent’s name', async () => {
    const current = { value: detail() };
    const calls = open(current, {
      'POST /handoffs/h-marisol/messages': (body) => {
        current.value = {
          ...current.value,
          conversation: [...current.value.conversation, agentAnswer(body.text)],
        };
        return [201, { messageId: 'm-agent', channel: 'whatsapp', status: 'sent' }];
      },
    });
    renderWithQueries(<InboxPage me={me} />, { role: 'agent' });
    const box = await screen.findByLabelText('Tu respuesta por WhatsApp');
    const send = screen.getByRole('button', { name: 'Enviar' });
    expect((send as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(box, { target: { value: 'Hola Marisol, ¿qué talla buscas?' } });
    fireEvent.click(send);
    fireEvent.click(send);
    const agent = await screen.findByTestId('message-agent');
    expect(agent.textContent).toContain('Ana');
    expect(agent.textContent).toContain('Hola Marisol, ¿qué talla buscas?');
    expect(agent.textContent).toContain('enviado');
    const posts = calls.filter((c) => c.method === 'POST');
    expect(posts).toHaveLength(1);
    const body = posts[0]?.body as { text: string; clientId: string };
    expect(body.text).toBe('Hola Marisol, ¿qué talla buscas?');
    expect(body.clientId).toMatch(CLIENT_ID);
    expect((box as HTMLTextAreaElement).value).toBe('');

    // The next message gets a new id.
    fireEvent.change(box, { target: { value: 'Tenemos la M' } });
    fireEvent.keyDown(box, { key: 'Enter' });
    await waitFor(() => expect(calls.filter((c) => c.method === 'POST')).toHaveLength(2));
    const second = calls.filter((c) => c.method === 'POST')[1]?.body as { clientId: string };
    expect(second.clientId).toMatch(CLIENT_ID);
    expect(second.clientId).not.toBe(body.clientId);
  });

  test('outside the 24 h window WhatsApp takes an approved template: pick it, fill its blanks, send it', async () => {
    const templates: Partial<SyncedTemplate>[] = [
      {
        name: 'seguimiento',
        language: 'es_MX',
        status: 'APPROVED',
        category: 'UTILITY',
        body: 'Hola {{1}}, ¿pudiste revisar tu carrito?',
        paramCount: 1,
        quickReplies: [],
        channelId: 'ch',
      },
      {
        name: 'promo_pendiente',
        language: 'es_MX',
        status: 'PENDING',
        category: 'MARKETING',
        body: 'Promo',
        paramCount: 0,
        quickReplies: [],
        channelId: 'ch',
      },
    ];
    const closed = detail({
      window: { open: false, closesAt: new Date(Date.now() - 3_600_000).toISOString() },
    });
    const calls = open(
      { value: closed },
      {
        'GET /whatsapp-templates': () => [200, { items: templates }],
        'POST /handoffs/h-marisol/messages': () => [
          201,
          { messageId: 'm-t', channel: 'whatsapp', status: 'sent' },
        ],
      },
    );
    renderWithQueries(<InboxPage me={me} />, { role: 'agent' });
    const picker = await screen.findByTestId('template-reply');
    expect(picker.textContent).toContain(
      'Pasaron más de 24 h desde el último mensaje del cliente por WhatsApp',
    );
    expect(screen.queryByLabelText('Tu respuesta por WhatsApp')).toBeNull();
    const select = (await within(picker).findByLabelText(
      'Plantilla aprobada',
    )) as HTMLSelectElement;
    // Only approved templates, by name and language in words.
    expect([...select.options].map((o) => o.text)).toEqual([
      'Elige una plantilla…',
      expect.stringMatching(/^seguimiento · español.*México/),
    ]);
    const send = within(picker).getByRole('button', {
      name: 'Enviar plantilla',
    }) as HTMLButtonElement;
    expect(send.disabled).toBe(true);
    fireEvent.change(select, { target: { value: 'seguimiento:es_MX' } });
    fireEvent.change(within(picker).getByLabelText('Valor de {{1}}'), {
      target: { value: 'Marisol' },
    });
    expect(within(picker).getByTestId('template-preview').textContent).toBe(
      'Hola Marisol, ¿pudiste revisar tu carrito?',
    );
    fireEvent.click(send);
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    const body = calls.find((c) => c.method === 'POST')?.body as Record<string, unknown>;
    expect(body.template).toEqual({ name: 'seguimiento', language: 'es_MX', params: ['Marisol'] });
    expect(body.clientId).toMatch(CLIENT_ID);
    expect(body.text).toBeUndefined();
  });

  test('when the server says the window closed meanwhile, the box turns into the template picker', async () => {
    open(
      { value: detail() },
      {
        'GET /whatsapp-templates': () => [200, { items: [] }],
        'POST /handoffs/h-marisol/messages': () => [
          409,
          { code: 'handoff_window_closed', params: { closedAt: null }, detail: 'closed' },
        ],
      },
    );
    renderWithQueries(<InboxPage me={me} />, { role: 'agent' });
    fireEvent.change(await screen.findByLabelText('Tu respuesta por WhatsApp'), {
      target: { value: '¿Sigues ahí?' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Enviar' }));
    const picker = await screen.findByTestId('template-reply');
    expect(await within(picker).findByText(/No hay plantillas aprobadas/)).toBeTruthy();
  });

  test('«Cerrar» asks how it ended; «Vendió» closes it, and it is read only with its result', async () => {
    const current = { value: detail({ status: 'assigned', assignee: { ...ME } }) };
    const calls = open(current, {
      'PATCH /handoffs/h-marisol': (body) => {
        current.value = {
          ...current.value,
          status: 'closed',
          result: body.close.result,
          closedAt: new Date().toISOString(),
        };
        return [200, current.value];
      },
    });
    renderWithQueries(<InboxPage me={me} />, { role: 'agent' });
    fireEvent.click(await screen.findByRole('button', { name: 'Cerrar' }));
    const dialog = screen.getByRole('dialog', { name: 'Cerrar la conversación con Marisol Pérez' });
    expect(dialog.textContent).toContain('El flujo «Carrito con ventas» espera este resultado');
    const confirm = within(dialog).getByRole('button', { name: 'Cerrar conversación' });
    expect((confirm as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(within(dialog).getByLabelText(/Vendió/));
    fireEvent.click(confirm);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(calls.find((c) => c.method === 'PATCH')?.body).toEqual({ close: { result: 'sold' } });
    expect(screen.getByTestId('handoff-state').textContent).toBe('Cerrada: Vendió');
    expect(screen.getByTestId('closed-note').textContent).toContain('«Vendió»');
    expect(screen.queryByRole('button', { name: 'Tomar' })).toBeNull();
    expect(screen.queryByLabelText('Tu respuesta por WhatsApp')).toBeNull();
    expect(screen.queryByLabelText('Agregar nota')).toBeNull();
  });

  test('a note for the team is added beside the conversation', async () => {
    const current = { value: detail() };
    const calls = open(current, {
      'POST /handoffs/h-marisol/notes': (body) => {
        const note = { id: 'n-1', body: body.body, author: ME.email, at: new Date().toISOString() };
        current.value = { ...current.value, notes: [note] };
        return [201, note];
      },
    });
    renderWithQueries(<InboxPage me={me} />, { role: 'agent' });
    fireEvent.change(await screen.findByLabelText('Agregar nota'), {
      target: { value: 'Pregunta por tallas' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Agregar nota' }));
    const notes = screen.getByTestId('notes');
    await waitFor(() => expect(notes.textContent).toContain('Pregunta por tallas'));
    expect(notes.textContent).toContain(ME.email);
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ body: 'Pregunta por tallas' });
  });

  test('a viewer reads everything but cannot take, answer, note or close, and is told why', async () => {
    const calls = open({ value: detail() });
    renderWithQueries(<InboxPage me={me} />, { role: 'viewer' });
    const take = (await screen.findByRole('button', { name: 'Tomar' })) as HTMLButtonElement;
    const close = screen.getByRole('button', { name: 'Cerrar' }) as HTMLButtonElement;
    for (const button of [take, close]) {
      expect(button.disabled).toBe(true);
      expect(button.title).toBe(
        'Para atender conversaciones se necesita el rol Agente o uno mayor.',
      );
    }
    expect(screen.getByTestId('read-only').textContent).toContain('Solo lectura: tu rol es Lector');
    expect(screen.queryByLabelText('Tu respuesta por WhatsApp')).toBeNull();
    expect((screen.getByLabelText('Agregar nota') as HTMLTextAreaElement).disabled).toBe(true);
    expect(screen.getByTestId('thread').textContent).toContain('tocó «Tengo dudas»');
    expect(screen.queryByRole('button', { name: /Avisos/ })).toBeNull();
    expect(calls.every((c) => c.method === 'GET')).toBe(true);
    expect(document.body.textContent).not.toContain('viewer');
  });

  test('closed conversations from the «Cerradas» view are read only even for an agent', async () => {
    const closed = detail({
      ...summary({ status: 'closed', result: 'no_sale' }),
      closedAt: new Date().toISOString(),
    });
    open({ value: closed });
    renderWithQueries(<InboxPage me={me} />, { role: 'agent' });
    expect((await screen.findByTestId('closed-note')).textContent).toContain('«Sin venta»');
    expect(screen.queryByRole('button', { name: 'Cerrar' })).toBeNull();
  });
});
