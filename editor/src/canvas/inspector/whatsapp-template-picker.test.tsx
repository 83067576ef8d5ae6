import type { WhatsAppContent } from '@ruta/shared';
import { fireEvent, screen } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, test, vi } from 'vitest';
import type { SyncedTemplate } from '../../channels/api';
import { renderWithQueries, setupApiTests, stubApi } from '../../channels/test-api';
import { WhatsAppEditor } from './whatsapp-editor';
import { buttonsFrom } from './whatsapp-template-picker';

setupApiTests();

const TEMPLATES: SyncedTemplate[] = [
  {
    channelId: 'ch_wa',
    name: 'carrito_abandonado',
    language: 'es_MX',
    status: 'APPROVED',
    category: 'MARKETING',
    body: 'Hola {{1}}, dejaste {{2}} productos. ¿Los compramos juntos?',
    paramCount: 2,
    quickReplies: ['Comprar', 'Ya no me interesa'],
  },
  {
    channelId: 'ch_wa',
    name: 'promo_buen_fin',
    language: 'es_MX',
    status: 'PENDING',
    category: 'MARKETING',
    body: 'Solo hoy: {{1}} de descuento',
    paramCount: 1,
    quickReplies: [],
  },
];

function Harness({
  initial,
  onChange,
}: {
  initial: WhatsAppContent;
  onChange: (content: WhatsAppContent) => void;
}) {
  const [content, setContent] = useState(initial);
  return (
    <WhatsAppEditor
      content={content}
      onChange={(next) => {
        onChange(next);
        setContent(next);
      }}
    />
  );
}

/** The WhatsApp editor with its content in state, over a stubbed template list. */
function renderEditor(templates: SyncedTemplate[], initial: WhatsAppContent) {
  stubApi({ 'GET /whatsapp-templates': () => [200, { items: templates }] });
  const onChange = vi.fn<(content: WhatsAppContent) => void>();
  renderWithQueries(<Harness initial={initial} onChange={onChange} />);
  const last = () => {
    const call = onChange.mock.lastCall;
    if (!call) throw new Error('onChange was not called');
    return call[0];
  };
  return { last };
}

const manualTemplate: WhatsAppContent = {
  template: { name: 'recordatorio', language: 'es_MX', params: ['{{ contact.first_name }}'] },
  buttons: [{ id: 'buy', text: 'Comprar' }],
};

describe('WhatsApp template picker', () => {
  test('picking a synced template fills name, language and params, and offers its buttons', async () => {
    const { last } = renderEditor(TEMPLATES, manualTemplate);
    const picker = await screen.findByLabelText('Plantilla sincronizada');
    expect(
      screen.getByText(/«recordatorio» no está entre las plantillas sincronizadas/),
    ).toBeTruthy();

    fireEvent.change(picker, { target: { value: 'carrito_abandonado:es_MX' } });
    expect(last().template).toEqual({
      name: 'carrito_abandonado',
      language: 'es_MX',
      params: ['{{ contact.first_name }}', ''],
    });
    expect((screen.getByLabelText('Nombre de la plantilla') as HTMLInputElement).value).toBe(
      'carrito_abandonado',
    );
    expect(screen.getByLabelText('Parámetro 2')).toBeTruthy();
    expect(screen.getByText(/dejaste/).textContent).toContain(
      'Hola {{1}}, dejaste {{2}} productos.',
    );
    expect(screen.getByText('Aprobada')).toBeTruthy();

    fireEvent.click(
      screen.getByRole('button', {
        name: 'Usar los botones de la plantilla: Comprar, Ya no me interesa',
      }),
    );
    expect(last().buttons).toEqual([
      { id: 'buy', text: 'Comprar' },
      { id: 'ya_no_me_interesa', text: 'Ya no me interesa' },
    ]);
    // The offer goes away once the buttons match, and the ids stay editable.
    expect(screen.queryByRole('button', { name: /Usar los botones de la plantilla/ })).toBeNull();
    fireEvent.change(screen.getByLabelText('Id del botón 2'), { target: { value: 'no' } });
    expect(last().buttons[1]).toEqual({ id: 'no', text: 'Ya no me interesa' });
  });

  test('a template that is not approved is listed but marked, and warns when picked', async () => {
    const { last } = renderEditor(TEMPLATES, manualTemplate);
    const picker = await screen.findByLabelText('Plantilla sincronizada');
    const option = screen.getByRole('option', { name: /promo_buen_fin/ });
    expect(option.textContent).toBe('promo_buen_fin · es_MX · En revisión: no se puede enviar');

    fireEvent.change(picker, { target: { value: 'promo_buen_fin:es_MX' } });
    expect(last().template?.params).toEqual(['{{ contact.first_name }}']);
    expect(
      screen.getByText(/no está aprobada \(En revisión\): los envíos con ella fallan/),
    ).toBeTruthy();
  });

  test('typing a name by hand still works and selects the synced one it matches', async () => {
    const { last } = renderEditor(TEMPLATES, manualTemplate);
    const picker = (await screen.findByLabelText('Plantilla sincronizada')) as HTMLSelectElement;
    expect(picker.value).toBe('');
    fireEvent.change(screen.getByLabelText('Nombre de la plantilla'), {
      target: { value: 'promo_buen_fin' },
    });
    expect(last().template?.name).toBe('promo_buen_fin');
    expect(picker.value).toBe('promo_buen_fin:es_MX');
  });

  test('with no synced templates the free inputs stay, with a link to Channels', async () => {
    renderEditor([], manualTemplate);
    const link = await screen.findByRole('link', { name: 'sincroniza tus plantillas en Canales' });
    expect(link.getAttribute('href')).toBe('/channels');
    expect(screen.queryByLabelText('Plantilla sincronizada')).toBeNull();
    expect(screen.getByLabelText('Nombre de la plantilla')).toBeTruthy();
    expect(screen.getByLabelText('Idioma')).toBeTruthy();
  });
});

describe('buttons from quick replies', () => {
  test('keeps the id of a button with the same text and derives the others from the labels', () => {
    expect(
      buttonsFrom(['Sí, quiero', 'Ahora no', 'Ahora no'], [{ id: 'yes', text: 'Sí, quiero' }]),
    ).toEqual([
      { id: 'yes', text: 'Sí, quiero' },
      { id: 'ahora_no', text: 'Ahora no' },
      { id: 'ahora_no_2', text: 'Ahora no' },
    ]);
  });
});
