import { describe, expect, test } from 'vitest';
import { signMeta } from './fixtures/sign';
import {
  META_BUTTON_REPLY,
  META_IMAGE_MESSAGE,
  META_LIST_REPLY,
  META_STATUS_DELIVERED,
  META_STATUS_FAILED,
  META_STATUS_READ,
  META_STATUS_SENT,
  META_TEMPLATE_BUTTON,
  META_TEMPLATE_STATUS_UPDATE,
  META_TEXT_FROM_USERNAME_USER,
  META_TEXT_MESSAGE,
  type MetaWebhookPayload,
  whatsappBatch,
  whatsappButtonReply,
  whatsappListReply,
  whatsappMessage,
  whatsappStatus,
  whatsappTemplateButton,
  whatsappTextMessage,
} from './fixtures/whatsapp';
import { MalformedWebhookError } from './types';
import {
  parseWhatsAppWebhook,
  verifyHandshake,
  verifyMetaSignature,
  whatsappWebhookUrl,
} from './whatsapp';

const APP_SECRET = 'a3f1c9e07b5d4e2f8a6c1b0d9e7f5a3c';

/** What a route receives: the bytes Meta sent, then parsed. */
function parseRaw(payload: MetaWebhookPayload) {
  return parseWhatsAppWebhook(JSON.parse(JSON.stringify(payload)));
}

function malformedPath(body: unknown): string {
  try {
    parseWhatsAppWebhook(body);
  } catch (e) {
    expect(e).toBeInstanceOf(MalformedWebhookError);
    return (e as MalformedWebhookError).path;
  }
  throw new Error('expected a MalformedWebhookError');
}

/** The value of the first change, to add to or inspect a built payload. */
function firstValue(payload: MetaWebhookPayload): Record<string, unknown> {
  const value = payload.entry[0]?.changes[0]?.value;
  if (!value) throw new Error('the payload has no change');
  return value;
}

/** A deep copy of a documented payload with one thing broken. */
// biome-ignore lint/suspicious/noExplicitAny: the mutations reach deep into untyped JSON on purpose
function broken(payload: MetaWebhookPayload, mutate: (copy: any) => void): unknown {
  const copy = structuredClone(payload);
  mutate(copy);
  return copy;
}

describe('parseWhatsAppWebhook: Meta’s documented examples', () => {
  test('a text message', () => {
    expect(parseRaw(META_TEXT_MESSAGE)).toEqual([
      {
        type: 'inbound',
        channel: 'whatsapp',
        from: '+16505551234',
        to: '+15550783881',
        text: 'Does it come in another color?',
        providerMessageId: 'wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=',
        at: '2025-06-08T20:59:43.000Z',
        profileName: 'Sheena Nelson',
      },
    ]);
  });

  test('an interactive reply button tap: buttonId is the button id, text its title', () => {
    expect(parseRaw(META_BUTTON_REPLY)).toEqual([
      {
        type: 'inbound',
        channel: 'whatsapp',
        from: '+16505551234',
        to: '+15550783881',
        text: 'Cancel',
        buttonId: 'cancel-button',
        providerMessageId: 'wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTZBQzg0MzQ4QjRCM0NGNkVGOAA=',
        // The message answered (Meta: messages[].context.id): reply routing reads it.
        replyTo: 'wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBI3MEM2RUJFNkI0RENGQTVDRjUA',
        at: '2025-06-15T22:05:36.000Z',
        profileName: 'Sheena Nelson',
      },
    ]);
  });

  test('an interactive list row: buttonId is the row id, text its title', () => {
    expect(parseRaw(META_LIST_REPLY)).toEqual([
      {
        type: 'inbound',
        channel: 'whatsapp',
        from: '+16505551234',
        to: '+15550783881',
        text: 'Priority Mail Express',
        buttonId: 'priority_express',
        providerMessageId: 'wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQUFERjg0NDEzNDdFODU3MUMxMAA=',
        // The message answered (Meta: messages[].context.id): reply routing reads it.
        replyTo: 'wamid.HBgLMTQxMjU1NTA4MjkVAgASGBQzQUNCNjk5RDUwNUZGMUZEM0VBRAA=',
        at: '2025-06-13T22:42:55.000Z',
        profileName: 'Sheena Nelson',
      },
    ]);
  });

  test('a template quick-reply tap: buttonId is button.payload, text button.text', () => {
    expect(parseRaw(META_TEMPLATE_BUTTON)).toEqual([
      {
        type: 'inbound',
        channel: 'whatsapp',
        from: '+16505551234',
        to: '+15550783881',
        text: 'Unsubscribe',
        buttonId: 'Unsubscribe',
        providerMessageId: 'wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQUFERjg0NDEzNDdFODU3MUMxMAA=',
        replyTo: 'wamid.HBgLMTQxMjU1NTA4MjkVAgASGBQzQUNCNjk5RDUwNUZGMUZEM0VBRAA=',
        at: '2025-06-16T16:24:05.000Z',
        profileName: 'Sheena Nelson',
      },
    ]);
  });

  test('an image (a type Ruta does not route) is still an inbound event, with no text', () => {
    const events = parseRaw(META_IMAGE_MESSAGE);
    expect(events).toEqual([
      {
        type: 'inbound',
        channel: 'whatsapp',
        from: '+16505551234',
        to: '+15550783881',
        providerMessageId: 'wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=',
        at: '2025-04-11T04:08:16.000Z',
        profileName: 'Sheena Nelson',
      },
    ]);
    expect(events[0]).not.toHaveProperty('text');
    expect(events[0]).not.toHaveProperty('buttonId');
  });

  test('sent, with its pricing category', () => {
    expect(parseRaw(META_STATUS_SENT)).toEqual([
      {
        type: 'status',
        providerMessageId: 'wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQUFERjg0NDEzNDdFODU3MUMxMAA=',
        status: 'sent',
        pricingCategory: 'marketing',
        at: '2025-06-15T23:27:53.000Z',
      },
    ]);
  });

  test('delivered (v24 shape, with the new contacts array), with its pricing category', () => {
    expect(parseRaw(META_STATUS_DELIVERED)).toEqual([
      {
        type: 'status',
        providerMessageId: 'wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQUFERjg0NDEzNDdFODU3MUMxMAA=',
        status: 'delivered',
        pricingCategory: 'marketing',
        at: '2025-06-15T23:27:53.000Z',
      },
    ]);
  });

  test('read, without pricing', () => {
    expect(parseRaw(META_STATUS_READ)).toEqual([
      {
        type: 'status',
        providerMessageId: 'wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQUFERjg0NDEzNDdFODU3MUMxMAA=',
        status: 'read',
        at: '2025-06-15T23:27:53.000Z',
      },
    ]);
  });

  test('failed: "<code> <title>: <details>" and the code', () => {
    expect(parseRaw(META_STATUS_FAILED)).toEqual([
      {
        type: 'status',
        providerMessageId: 'wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBI0QUQ2MjA4NEYyRkExNjMyREUA',
        status: 'failed',
        error:
          '131049 This message was not delivered to maintain healthy ecosystem engagement: In order to maintain a healthy ecosystem engagement, the message failed to be delivered.',
        errorCode: '131049',
        at: '2025-06-28T20:34:48.000Z',
      },
    ]);
  });

  test('a field other than messages (template status update) yields nothing', () => {
    expect(parseRaw(META_TEMPLATE_STATUS_UPDATE)).toEqual([]);
  });

  test('a message from a username user without a phone number (from is "") is skipped', () => {
    expect(parseRaw(META_TEXT_FROM_USERNAME_USER)).toEqual([]);
  });
});

describe('parseWhatsAppWebhook: builders and edge cases', () => {
  test('a Mexican number gains its +, the business number comes from metadata', () => {
    const [event] = parseRaw(
      whatsappTextMessage({
        from: '5215512345678',
        text: 'Sí, lo quiero',
        id: 'wamid.A1',
        displayPhoneNumber: '5215587654321',
        profileName: 'Lucía',
      }),
    );
    expect(event).toEqual({
      type: 'inbound',
      channel: 'whatsapp',
      from: '+5215512345678',
      to: '+5215587654321',
      text: 'Sí, lo quiero',
      providerMessageId: 'wamid.A1',
      at: '2025-06-15T15:06:40.000Z',
      profileName: 'Lucía',
    });
  });

  test('builders accept numbers with + and send digits, like Meta', () => {
    const payload = whatsappButtonReply({
      from: '+573001234567',
      buttonId: 'si',
      title: 'Sí',
      contextId: 'wamid.SENT',
    });
    const message = (firstValue(payload).messages as { from: string }[])[0];
    expect(message?.from).toBe('573001234567');
    expect(parseRaw(payload)[0]).toMatchObject({
      from: '+573001234567',
      buttonId: 'si',
      text: 'Sí',
    });
  });

  test('list reply and template button builders', () => {
    expect(
      parseRaw(whatsappListReply({ from: '+5491155551234', rowId: 'talla_m', title: 'M' }))[0],
    ).toMatchObject({ buttonId: 'talla_m', text: 'M' });
    expect(
      parseRaw(
        whatsappTemplateButton({ from: '+5491155551234', payload: 'STOP_PROMOS', text: 'No más' }),
      )[0],
    ).toMatchObject({ buttonId: 'STOP_PROMOS', text: 'No más' });
  });

  test('a template button with no payload falls back to its text', () => {
    const payload = whatsappMessage({
      from: '+5215512345678',
      content: { type: 'button', button: { text: 'Confirmar' } },
    });
    expect(parseRaw(payload)[0]).toMatchObject({ buttonId: 'Confirmar', text: 'Confirmar' });
  });

  test.each([
    ['location', { location: { latitude: 19.4326, longitude: -99.1332 } }],
    ['reaction', { reaction: { message_id: 'wamid.SENT', emoji: '👍' } }],
    ['audio', { audio: { id: '123', mime_type: 'audio/ogg; codecs=opus' } }],
    ['unsupported', { errors: [{ code: 131051, title: 'Message type unknown' }] }],
  ])('%s → inbound with no text', (type, content) => {
    const events = parseRaw(
      whatsappMessage({ from: '+5215512345678', content: { type, ...content } }),
    );
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: 'inbound', from: '+5215512345678' });
    expect(events[0]).not.toHaveProperty('text');
    expect(events[0]).not.toHaveProperty('buttonId');
  });

  test('an interactive reply Ruta does not route (a Flow response) → inbound with no text', () => {
    const events = parseRaw(
      whatsappMessage({
        from: '+5215512345678',
        content: {
          type: 'interactive',
          interactive: { type: 'nfm_reply', nfm_reply: { response_json: '{}', name: 'flow' } },
        },
      }),
    );
    expect(events[0]).toMatchObject({ type: 'inbound' });
    expect(events[0]).not.toHaveProperty('buttonId');
  });

  test('system messages (the user changed number) are not from the customer: skipped', () => {
    const payload = whatsappMessage({
      from: '+16505551234',
      content: {
        type: 'system',
        system: {
          body: 'User A changed from 16505551234 to 16505559999',
          type: 'user_changed_number',
        },
      },
    });
    expect(parseRaw(payload)).toEqual([]);
  });

  test.each(['played', 'deleted', 'warning'])(
    'status %s is not one of Ruta’s states: ignored',
    (status) => {
      expect(
        parseRaw(whatsappStatus({ id: 'wamid.X', status, recipient: '+5215512345678' })),
      ).toEqual([]);
    },
  );

  test.each([
    ['MARKETING', 'marketing'],
    ['Utility', 'utility'],
    ['authentication', 'authentication'],
    ['service', 'service'],
  ])('pricing category %s is recorded as %s', (category, expected) => {
    const [event] = parseRaw(
      whatsappStatus({
        id: 'wamid.X',
        status: 'delivered',
        recipient: '+5215512345678',
        pricingCategory: category,
      }),
    );
    expect(event).toMatchObject({ status: 'delivered', pricingCategory: expected });
  });

  test('an error without details is "<code> <title>"', () => {
    const [event] = parseRaw(
      whatsappStatus({
        id: 'wamid.X',
        status: 'failed',
        recipient: '+5215512345678',
        error: { code: 131026, title: 'Message undeliverable' },
      }),
    );
    expect(event).toMatchObject({ error: '131026 Message undeliverable', errorCode: '131026' });
  });

  test('a batch keeps Meta’s order across entries, messages and statuses', () => {
    const events = parseRaw(
      whatsappBatch(
        whatsappStatus({ id: 'wamid.OUT1', status: 'delivered', recipient: '+5215512345678' }),
        whatsappTextMessage({ from: '+5215512345678', text: 'hola', id: 'wamid.IN1' }),
        whatsappStatus({ id: 'wamid.OUT1', status: 'read', recipient: '+5215512345678' }),
      ),
    );
    expect(
      events.map((e) => `${e.type}:${e.providerMessageId}:${'status' in e ? e.status : ''}`),
    ).toEqual(['status:wamid.OUT1:delivered', 'inbound:wamid.IN1:', 'status:wamid.OUT1:read']);
  });

  test('one value with messages and statuses, several of each', () => {
    const payload = whatsappTextMessage({ from: '+5215512345678', text: 'uno', id: 'wamid.1' });
    const value = firstValue(payload) as Record<string, unknown[]>;
    value.messages?.push({
      ...(value.messages[0] as object),
      id: 'wamid.2',
      text: { body: 'dos' },
    });
    value.statuses = [
      { id: 'wamid.OUT', status: 'sent', timestamp: '1750000000', recipient_id: '1' },
    ];
    expect(parseRaw(payload).map((e) => e.providerMessageId)).toEqual([
      'wamid.1',
      'wamid.2',
      'wamid.OUT',
    ]);
  });

  test('duplicate deliveries parse to the same events (deduplication happens downstream)', () => {
    const payload = whatsappTextMessage({ from: '+5215512345678', text: 'hola', id: 'wamid.DUP' });
    const once = parseRaw(payload);
    expect(parseRaw(payload)).toEqual(once);
    expect(parseRaw(whatsappBatch(payload, payload))).toEqual([...once, ...once]);
  });

  test('out-of-order statuses are reported as they come (ordering is the caller’s concern)', () => {
    const events = parseRaw(
      whatsappBatch(
        whatsappStatus({ id: 'wamid.O', status: 'read', recipient: '+5215512345678' }),
        whatsappStatus({ id: 'wamid.O', status: 'delivered', recipient: '+5215512345678' }),
      ),
    );
    expect(events.map((e) => ('status' in e ? e.status : ''))).toEqual(['read', 'delivered']);
  });

  test('optional parts may be absent: no timestamp, metadata or contacts', () => {
    const payload = broken(META_TEXT_MESSAGE, (p) => {
      const value = p.entry[0].changes[0].value;
      delete value.metadata;
      delete value.contacts;
      delete value.messages[0].timestamp;
    });
    expect(parseWhatsAppWebhook(payload)).toEqual([
      {
        type: 'inbound',
        channel: 'whatsapp',
        from: '+16505551234',
        text: 'Does it come in another color?',
        providerMessageId: 'wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=',
      },
    ]);
  });

  test('the profile name is the contact whose wa_id sent the message', () => {
    const payload = broken(META_TEXT_MESSAGE, (p) => {
      p.entry[0].changes[0].value.contacts = [
        { profile: { name: 'Otra persona' }, wa_id: '5215500000000' },
        { profile: { name: 'Sheena Nelson' }, wa_id: '16505551234' },
      ];
    });
    expect(parseWhatsAppWebhook(payload)[0]).toMatchObject({ profileName: 'Sheena Nelson' });
  });

  test('an empty entry list or value is fine: nothing happened', () => {
    expect(parseWhatsAppWebhook({ object: 'whatsapp_business_account', entry: [] })).toEqual([]);
    expect(
      parseWhatsAppWebhook(
        broken(META_STATUS_SENT, (p) => delete p.entry[0].changes[0].value.statuses),
      ),
    ).toEqual([]);
  });
});

describe('parseWhatsAppWebhook: malformed bodies name the offending field', () => {
  const value = 'entry[0].changes[0].value';
  test.each<[string, unknown, string]>([
    ['null', null, '$'],
    ['an array', [], '$'],
    ['a string', 'hello', '$'],
    ['another object type', { object: 'page', entry: [] }, 'object'],
    ['no entry', { object: 'whatsapp_business_account' }, 'entry'],
    ['entry not an array', { object: 'whatsapp_business_account', entry: {} }, 'entry'],
    [
      'an entry that is not an object',
      { object: 'whatsapp_business_account', entry: [5] },
      'entry[0]',
    ],
    ['no changes', broken(META_TEXT_MESSAGE, (p) => delete p.entry[0].changes), 'entry[0].changes'],
    [
      'a change that is not an object',
      broken(META_TEXT_MESSAGE, (p) => {
        p.entry[0].changes[0] = 'x';
      }),
      'entry[0].changes[0]',
    ],
    [
      'no field',
      broken(META_TEXT_MESSAGE, (p) => delete p.entry[0].changes[0].field),
      'entry[0].changes[0].field',
    ],
    ['no value', broken(META_TEXT_MESSAGE, (p) => delete p.entry[0].changes[0].value), value],
    [
      'no messaging_product',
      broken(META_TEXT_MESSAGE, (p) => delete p.entry[0].changes[0].value.messaging_product),
      `${value}.messaging_product`,
    ],
    [
      'messages not an array',
      broken(META_TEXT_MESSAGE, (p) => {
        p.entry[0].changes[0].value.messages = { from: '1' };
      }),
      `${value}.messages`,
    ],
    [
      'the second message without from',
      broken(META_TEXT_MESSAGE, (p) => {
        const messages = p.entry[0].changes[0].value.messages;
        messages.push({ ...messages[0], id: 'wamid.2' });
        delete messages[1].from;
      }),
      `${value}.messages[1].from`,
    ],
    [
      'a from that is not a phone number',
      broken(META_TEXT_MESSAGE, (p) => {
        p.entry[0].changes[0].value.messages[0].from = 'sheena';
      }),
      `${value}.messages[0].from`,
    ],
    [
      'a message without id',
      broken(META_TEXT_MESSAGE, (p) => delete p.entry[0].changes[0].value.messages[0].id),
      `${value}.messages[0].id`,
    ],
    [
      'a message without type',
      broken(META_TEXT_MESSAGE, (p) => delete p.entry[0].changes[0].value.messages[0].type),
      `${value}.messages[0].type`,
    ],
    [
      'a text message without body',
      broken(META_TEXT_MESSAGE, (p) => {
        p.entry[0].changes[0].value.messages[0].text = {};
      }),
      `${value}.messages[0].text.body`,
    ],
    [
      'a timestamp that is not unix seconds',
      broken(META_TEXT_MESSAGE, (p) => {
        p.entry[0].changes[0].value.messages[0].timestamp = '2025-06-08T20:59:43Z';
      }),
      `${value}.messages[0].timestamp`,
    ],
    [
      'a button reply without id',
      broken(META_BUTTON_REPLY, (p) => {
        delete p.entry[0].changes[0].value.messages[0].interactive.button_reply.id;
      }),
      `${value}.messages[0].interactive.button_reply.id`,
    ],
    [
      'an interactive message without its reply',
      broken(META_LIST_REPLY, (p) => {
        delete p.entry[0].changes[0].value.messages[0].interactive.list_reply;
      }),
      `${value}.messages[0].interactive.list_reply`,
    ],
    [
      'a template button with neither payload nor text',
      broken(META_TEMPLATE_BUTTON, (p) => {
        p.entry[0].changes[0].value.messages[0].button = {};
      }),
      `${value}.messages[0].button.payload`,
    ],
    [
      'contacts not an array',
      broken(META_TEXT_MESSAGE, (p) => {
        p.entry[0].changes[0].value.contacts = 'Sheena';
      }),
      `${value}.contacts`,
    ],
    [
      'a status without id',
      broken(META_STATUS_SENT, (p) => delete p.entry[0].changes[0].value.statuses[0].id),
      `${value}.statuses[0].id`,
    ],
    [
      'a status that is not a string',
      broken(META_STATUS_SENT, (p) => {
        p.entry[0].changes[0].value.statuses[0].status = 2;
      }),
      `${value}.statuses[0].status`,
    ],
    [
      'statuses not an array',
      broken(META_STATUS_SENT, (p) => {
        p.entry[0].changes[0].value.statuses = 'sent';
      }),
      `${value}.statuses`,
    ],
    [
      'a pricing category that is not a string',
      broken(META_STATUS_SENT, (p) => {
        p.entry[0].changes[0].value.statuses[0].pricing.category = 3;
      }),
      `${value}.statuses[0].pricing.category`,
    ],
    [
      'errors not an array',
      broken(META_STATUS_FAILED, (p) => {
        p.entry[0].changes[0].value.statuses[0].errors = { code: 1 };
      }),
      `${value}.statuses[0].errors`,
    ],
    [
      'an error code that is not a number',
      broken(META_STATUS_FAILED, (p) => {
        p.entry[0].changes[0].value.statuses[0].errors[0].code = 'oops';
      }),
      `${value}.statuses[0].errors[0].code`,
    ],
  ])('%s', (_, body, path) => {
    expect(malformedPath(body)).toBe(path);
  });

  test('the error message says what was expected', () => {
    expect(() =>
      parseWhatsAppWebhook(
        broken(META_TEXT_MESSAGE, (p) => delete p.entry[0].changes[0].value.messages[0].from),
      ),
    ).toThrow(/expected a string, got undefined/);
  });
});

describe('verifyMetaSignature', () => {
  const raw = JSON.stringify(META_TEXT_MESSAGE);

  test('a body signed as Meta documents it verifies', () => {
    expect(verifyMetaSignature(raw, signMeta(raw, APP_SECRET), APP_SECRET)).toBe(true);
  });

  test('known answer: RFC 4231 test case 2 as an X-Hub-Signature-256 header', () => {
    const header = 'sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843';
    expect(verifyMetaSignature('what do ya want for nothing?', header, 'Jefe')).toBe(true);
    expect(signMeta('what do ya want for nothing?', 'Jefe')).toBe(header);
  });

  test('the raw body may be bytes', () => {
    const bytes = new TextEncoder().encode(raw);
    expect(verifyMetaSignature(bytes, signMeta(raw, APP_SECRET), APP_SECRET)).toBe(true);
  });

  test('hex digits in either case are accepted', () => {
    const header = signMeta(raw, APP_SECRET);
    expect(verifyMetaSignature(raw, `sha256=${header.slice(7).toUpperCase()}`, APP_SECRET)).toBe(
      true,
    );
  });

  test('it covers the bytes as sent: Meta’s \\u escapes must not be re-serialized away', () => {
    const escaped = JSON.stringify(
      whatsappTextMessage({ from: '+5215512345678', text: '¿Tienen envío?', id: 'wamid.U' }),
    ).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    expect(escaped).toContain('\\u00bfTienen env\\u00edo?');
    const header = signMeta(escaped, APP_SECRET);
    expect(verifyMetaSignature(escaped, header, APP_SECRET)).toBe(true);
    const reserialized = JSON.stringify(JSON.parse(escaped));
    expect(verifyMetaSignature(reserialized, header, APP_SECRET)).toBe(false);
    expect(parseWhatsAppWebhook(JSON.parse(escaped))[0]).toMatchObject({ text: '¿Tienen envío?' });
  });

  describe('tampered copies are refused', () => {
    const header = signMeta(raw, APP_SECRET);

    test('one byte of the body changed', () => {
      const tampered = raw.replace('another color', 'another colour');
      expect(tampered).not.toBe(raw);
      expect(verifyMetaSignature(tampered, header, APP_SECRET)).toBe(false);
      const flipped = Buffer.from(raw);
      flipped[flipped.length - 2] = (flipped[flipped.length - 2] ?? 0) ^ 1;
      expect(verifyMetaSignature(flipped, header, APP_SECRET)).toBe(false);
    });

    test('the sender number swapped', () => {
      expect(
        verifyMetaSignature(raw.replaceAll('16505551234', '16505551235'), header, APP_SECRET),
      ).toBe(false);
    });

    test('signed with another secret', () => {
      expect(verifyMetaSignature(raw, signMeta(raw, 'another-app-secret'), APP_SECRET)).toBe(false);
    });

    test.each<[string, string | undefined]>([
      ['missing', undefined],
      ['empty', ''],
      ['the hex without sha256=', header.slice('sha256='.length)],
      ['sha1= instead of sha256=', `sha1=${header.slice('sha256='.length)}`],
      ['a truncated digest', header.slice(0, -2)],
      ['a digest with a character too many', `${header}0`],
      ['not hex', `sha256=${'z'.repeat(64)}`],
      ['a second value appended', `${header}, ${header}`],
    ])('header %s', (_, bad) => {
      expect(verifyMetaSignature(raw, bad, APP_SECRET)).toBe(false);
    });

    test('an empty app secret never verifies, even a body signed with the empty key', () => {
      expect(verifyMetaSignature(raw, signMeta(raw, ''), '')).toBe(false);
    });
  });
});

describe('verifyHandshake', () => {
  // The sample verification request: GET …?hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=meatyhamhock
  // https://developers.facebook.com/docs/graph-api/webhooks/getting-started
  const sample = {
    'hub.mode': 'subscribe',
    'hub.challenge': '1158201444',
    'hub.verify_token': 'meatyhamhock',
  };

  test('the documented sample request returns the challenge', () => {
    expect(verifyHandshake(sample, 'meatyhamhock')).toBe('1158201444');
  });

  test.each<[string, Record<string, string | undefined>, string]>([
    ['a wrong token', sample, 'another-token'],
    ['a token that is only a prefix', sample, 'meatyhamhock-longer'],
    ['a token differing in case', sample, 'MeatyHamHock'],
    ['mode is not subscribe', { ...sample, 'hub.mode': 'unsubscribe' }, 'meatyhamhock'],
    ['no mode', { ...sample, 'hub.mode': undefined }, 'meatyhamhock'],
    ['no token', { ...sample, 'hub.verify_token': undefined }, 'meatyhamhock'],
    ['no challenge', { ...sample, 'hub.challenge': undefined }, 'meatyhamhock'],
    ['an empty challenge', { ...sample, 'hub.challenge': '' }, 'meatyhamhock'],
    [
      'PHP-style underscores',
      { hub_mode: 'subscribe', hub_challenge: '1', hub_verify_token: 't' },
      't',
    ],
    ['an empty configured token', { ...sample, 'hub.verify_token': '' }, ''],
  ])('refused: %s', (_, query, token) => {
    expect(verifyHandshake(query, token)).toBeUndefined();
  });
});

describe('whatsappWebhookUrl', () => {
  test.each([
    ['https://ruta.example.mx', 'https://ruta.example.mx/webhooks/whatsapp/ch_1'],
    ['https://ruta.example.mx/', 'https://ruta.example.mx/webhooks/whatsapp/ch_1'],
    ['https://example.mx/ruta//', 'https://example.mx/ruta/webhooks/whatsapp/ch_1'],
    ['http://localhost:3000', 'http://localhost:3000/webhooks/whatsapp/ch_1'],
  ])('%s', (base, expected) => {
    expect(whatsappWebhookUrl(base, 'ch_1')).toBe(expected);
  });

  test('the channel id is one path segment', () => {
    expect(whatsappWebhookUrl('https://ruta.example.mx', 'a/b c')).toBe(
      'https://ruta.example.mx/webhooks/whatsapp/a%2Fb%20c',
    );
  });
});
