import { describe, expect, test } from 'vitest';
import { signTwilio, twilioFormBody } from './fixtures/sign';
import {
  TWILIO_INBOUND_SMS,
  TWILIO_INBOUND_WHATSAPP,
  TWILIO_INBOUND_WHATSAPP_BUTTON,
  TWILIO_STATUS_SENT,
  TWILIO_STATUS_UNDELIVERED,
  TWILIO_STATUS_WHATSAPP_READ,
  twilioInbound,
  twilioStatus,
} from './fixtures/twilio';
import { parseTwilioWebhook, twilioWebhookUrl, verifyTwilioSignature } from './twilio';
import { MalformedWebhookError } from './types';

const AUTH_TOKEN = '9f0c2b7e4a1d8c3f6e5b0a9d7c4e2f1a';
const PUBLIC_URL = 'https://ruta.example.mx';
const URL = twilioWebhookUrl(PUBLIC_URL, 'ch_twilio_1');

function verify(
  params: Record<string, string>,
  header: string | undefined,
  url = URL,
  token = AUTH_TOKEN,
) {
  return verifyTwilioSignature({ url, params, header, authToken: token });
}

function malformedPath(params: Record<string, string>): string {
  try {
    parseTwilioWebhook(params);
  } catch (e) {
    expect(e).toBeInstanceOf(MalformedWebhookError);
    return (e as MalformedWebhookError).path;
  }
  throw new Error('expected a MalformedWebhookError');
}

/**
 * Twilio's published worked example (auth token 12345), pinned in Twilio's SDK test suites
 * (twilio-php docs/usage/validation.rst, twilio-csharp RequestValidatorTest).
 */
const VECTOR_URL = 'https://mycompany.com/myapp.php?foo=1&bar=2';
const VECTOR_PARAMS = {
  CallSid: 'CA1234567890ABCDE',
  Caller: '+14158675309',
  Digits: '1234',
  From: '+14158675309',
  To: '+18005551212',
};

describe('verifyTwilioSignature: known answers', () => {
  test('Twilio’s documented example signature', () => {
    expect(
      verifyTwilioSignature({
        url: VECTOR_URL,
        params: VECTOR_PARAMS,
        header: 'RSOYDt4T1cUTdK1PDd93/VVr8B8=',
        authToken: '12345',
      }),
    ).toBe(true);
    expect(signTwilio(VECTOR_URL, VECTOR_PARAMS, '12345')).toBe('RSOYDt4T1cUTdK1PDd93/VVr8B8=');
  });

  test('parameter order does not matter (they are sorted by name)', () => {
    const reversed = Object.fromEntries(Object.entries(VECTOR_PARAMS).reverse());
    expect(
      verifyTwilioSignature({
        url: VECTOR_URL,
        params: reversed,
        header: 'RSOYDt4T1cUTdK1PDd93/VVr8B8=',
        authToken: '12345',
      }),
    ).toBe(true);
  });

  // twilio-csharp RequestValidatorTest: the signature may cover the URL with or without its port.
  test.each([
    [
      'removes the port (https)',
      'https://mycompany.com:1234/myapp.php?foo=1&bar=2',
      'RSOYDt4T1cUTdK1PDd93/VVr8B8=',
    ],
    ['adds :443 (https)', VECTOR_URL, 'kvajT1Ptam85bY51eRf/AJRuM3w='],
    [
      'adds :80 (http)',
      'http://mycompany.com/myapp.php?foo=1&bar=2',
      '0ZXoZLH/DfblKGATFgpif+LLRf4=',
    ],
    [
      'keeps a custom port (https)',
      'https://mycompany.com:1234/myapp.php?foo=1&bar=2',
      'CYn1h0gLBdNxDGkKJg6hYohgeD8=',
    ],
    [
      'keeps a custom port (http)',
      'http://mycompany.com:1234/myapp.php?foo=1&bar=2',
      'Zmvh+3yNM1Phv2jhDCwEM3q5ebU=',
    ],
    [
      'keeps the host’s case',
      'https://MyCompany.com/myapp.php?foo=1&bar=2',
      'g9IN/x4Cft2g517EjYvEvM/W7LU=',
    ],
    [
      'keeps the host’s case with a port',
      'https://MyCompany.com:1234/myapp.php?foo=1&bar=2',
      'PCqOZm8cnu/L6+u5i5fuEd+Iac4=',
    ],
    [
      'keeps credentials',
      'http://username:password@MyCompany.com/myapp.php?foo=1&bar=2',
      'PJ08CxXr7KLPjEQCTc8LkUSMwSM=',
    ],
  ])('%s', (_, url, header) => {
    expect(verifyTwilioSignature({ url, params: VECTOR_PARAMS, header, authToken: '12345' })).toBe(
      true,
    );
  });

  test.each([
    ['a host in another case', 'https://MyCompany.com/myapp.php?foo=1&bar=2'],
    ['another path', 'https://mycompany.com/other.php?foo=1&bar=2'],
    ['another host', 'https://mycompany.co/myapp.php?foo=1&bar=2'],
    ['http instead of https', 'http://mycompany.com/myapp.php?foo=1&bar=2'],
    ['a query parameter more', `${VECTOR_URL}&extra=1`],
  ])('the example signature does not hold for %s', (_, url) => {
    expect(
      verifyTwilioSignature({
        url,
        params: VECTOR_PARAMS,
        header: 'RSOYDt4T1cUTdK1PDd93/VVr8B8=',
        authToken: '12345',
      }),
    ).toBe(false);
  });
});

describe('verifyTwilioSignature: Ruta’s webhook URL', () => {
  const header = signTwilio(URL, TWILIO_INBOUND_SMS, AUTH_TOKEN);

  test('the URL is RUTA_PUBLIC_URL + /webhooks/twilio/<channel>', () => {
    expect(URL).toBe('https://ruta.example.mx/webhooks/twilio/ch_twilio_1');
    expect(twilioWebhookUrl('https://ruta.example.mx/', 'ch_twilio_1')).toBe(URL);
    expect(twilioWebhookUrl('http://localhost:3000', 'c1')).toBe(
      'http://localhost:3000/webhooks/twilio/c1',
    );
  });

  test('signed documented payloads verify', () => {
    for (const params of [
      TWILIO_INBOUND_SMS,
      TWILIO_INBOUND_WHATSAPP,
      TWILIO_INBOUND_WHATSAPP_BUTTON,
      TWILIO_STATUS_SENT,
      TWILIO_STATUS_UNDELIVERED,
      TWILIO_STATUS_WHATSAPP_READ,
    ]) {
      expect(verify(params, signTwilio(URL, params, AUTH_TOKEN))).toBe(true);
    }
  });

  test('the form body round-trips to the same parameters (spaces, +, apostrophes, accents)', () => {
    const params = twilioInbound({
      from: '+5215512345678',
      body: "¿Llega hoy? Sí, 100% + envío d'Ana",
    });
    const decoded = Object.fromEntries(new URLSearchParams(twilioFormBody(params)));
    expect(decoded).toEqual(params);
    expect(verify(decoded, signTwilio(URL, params, AUTH_TOKEN))).toBe(true);
  });

  test('a local public URL with a port verifies as is', () => {
    const local = twilioWebhookUrl('http://localhost:3000', 'c1');
    expect(
      verify(TWILIO_INBOUND_SMS, signTwilio(local, TWILIO_INBOUND_SMS, AUTH_TOKEN), local),
    ).toBe(true);
  });

  describe('tampered copies are refused', () => {
    test('a parameter value changed', () => {
      expect(
        verify({ ...TWILIO_INBOUND_SMS, Body: 'Ahoy! Let’s build something amazing.' }, header),
      ).toBe(false);
      expect(verify({ ...TWILIO_INBOUND_SMS, From: '+14017122662' }, header)).toBe(false);
    });

    test('a parameter added', () => {
      expect(verify({ ...TWILIO_INBOUND_SMS, ButtonPayload: 'STOP' }, header)).toBe(false);
    });

    test('a parameter removed', () => {
      const { FromCity: _, ...withoutCity } = TWILIO_INBOUND_SMS;
      expect(verify(withoutCity, header)).toBe(false);
    });

    test('a parameter renamed (names are signed, case included)', () => {
      const { Body, ...rest } = TWILIO_INBOUND_SMS;
      expect(verify({ ...rest, body: Body ?? '' }, header)).toBe(false);
    });

    test('signed with another auth token', () => {
      expect(
        verify(TWILIO_INBOUND_SMS, signTwilio(URL, TWILIO_INBOUND_SMS, 'another-auth-token')),
      ).toBe(false);
    });

    test.each([
      ['another channel’s URL', twilioWebhookUrl(PUBLIC_URL, 'ch_twilio_2')],
      ['another host', twilioWebhookUrl('https://attacker.example', 'ch_twilio_1')],
      ['http instead of https', twilioWebhookUrl('http://ruta.example.mx', 'ch_twilio_1')],
      ['the WhatsApp route', 'https://ruta.example.mx/webhooks/whatsapp/ch_twilio_1'],
      ['a trailing slash', `${URL}/`],
      ['a query string', `${URL}?x=1`],
    ])('a signature for %s', (_, otherUrl) => {
      expect(verify(TWILIO_INBOUND_SMS, signTwilio(otherUrl, TWILIO_INBOUND_SMS, AUTH_TOKEN))).toBe(
        false,
      );
    });

    test.each<[string, string | undefined]>([
      ['missing', undefined],
      ['empty', ''],
      ['another request’s signature', signTwilio(URL, TWILIO_STATUS_SENT, AUTH_TOKEN)],
      ['truncated', header.slice(0, -1)],
      ['hex instead of base64', Buffer.from(header, 'base64').toString('hex')],
      ['with whitespace', ` ${header}`],
    ])('header %s', (_, bad) => {
      expect(verify(TWILIO_INBOUND_SMS, bad)).toBe(false);
    });

    test('an empty auth token never verifies, even a request signed with the empty key', () => {
      expect(verify(TWILIO_INBOUND_SMS, signTwilio(URL, TWILIO_INBOUND_SMS, ''), URL, '')).toBe(
        false,
      );
    });
  });
});

describe('parseTwilioWebhook: Twilio’s documented parameters', () => {
  test('an incoming SMS', () => {
    expect(parseTwilioWebhook(TWILIO_INBOUND_SMS)).toEqual([
      {
        type: 'inbound',
        channel: 'sms',
        from: '+14017122661',
        to: '+15558675310',
        text: "Ahoy! Let's build something amazing.",
        providerMessageId: 'SMXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX',
      },
    ]);
  });

  test('an incoming WhatsApp message: whatsapp: prefixes stripped, profile name kept', () => {
    expect(parseTwilioWebhook(TWILIO_INBOUND_WHATSAPP)).toEqual([
      {
        type: 'inbound',
        channel: 'whatsapp',
        from: '+14017122661',
        to: '+15558675310',
        text: "Ahoy! Let's build something amazing.",
        providerMessageId: 'SMXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX',
        profileName: 'Perspective Coffee',
      },
    ]);
  });

  test('a WhatsApp quick-reply tap: ButtonPayload → buttonId, ButtonText → text', () => {
    expect(parseTwilioWebhook(TWILIO_INBOUND_WHATSAPP_BUTTON)).toEqual([
      {
        type: 'inbound',
        channel: 'whatsapp',
        from: '+14017122661',
        to: '+15558675310',
        text: 'Cancel Appointment',
        buttonId: 'postback_data_1234',
        providerMessageId: 'SMXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX',
        profileName: 'Perspective Coffee',
      },
    ]);
  });

  test('a sent status callback', () => {
    expect(parseTwilioWebhook(TWILIO_STATUS_SENT)).toEqual([
      { type: 'status', providerMessageId: 'SM1342fe1b2c904d1ab04f0fc7a58abca9', status: 'sent' },
    ]);
  });

  test('undelivered → failed, with the error code', () => {
    expect(parseTwilioWebhook(TWILIO_STATUS_UNDELIVERED)).toEqual([
      {
        type: 'status',
        providerMessageId: 'SM1342fe1b2c904d1ab04f0fc7a58abca9',
        status: 'failed',
        error: 'Twilio error 30003',
        errorCode: '30003',
      },
    ]);
  });

  test('a WhatsApp read receipt', () => {
    expect(parseTwilioWebhook(TWILIO_STATUS_WHATSAPP_READ)).toEqual([
      { type: 'status', providerMessageId: 'SM1342fe1b2c904d1ab04f0fc7a58abca9', status: 'read' },
    ]);
  });
});

describe('parseTwilioWebhook: statuses', () => {
  test.each([
    ['sent', 'sent'],
    ['delivered', 'delivered'],
    ['read', 'read'],
    ['failed', 'failed'],
    ['undelivered', 'failed'],
  ])('%s → %s', (status, expected) => {
    expect(parseTwilioWebhook(twilioStatus({ sid: 'SMa', status }))).toEqual([
      expect.objectContaining({ type: 'status', providerMessageId: 'SMa', status: expected }),
    ]);
  });

  test.each([
    'queued',
    'accepted',
    'scheduled',
    'sending',
    'canceled',
    'receiving',
    'received',
    'partially_delivered',
    'something_new',
  ])('%s is not final: no event', (status) => {
    expect(parseTwilioWebhook(twilioStatus({ sid: 'SMa', status }))).toEqual([]);
  });

  test('a WhatsApp failure carries the channel’s message', () => {
    expect(
      parseTwilioWebhook(
        twilioStatus({
          sid: 'SMb',
          status: 'failed',
          from: 'whatsapp:+5215587654321',
          errorCode: '63016',
          channelStatusMessage:
            'Failed to send freeform message because you are outside the allowed window.',
        }),
      ),
    ).toEqual([
      {
        type: 'status',
        providerMessageId: 'SMb',
        status: 'failed',
        error:
          'Twilio error 63016: Failed to send freeform message because you are outside the allowed window.',
        errorCode: '63016',
      },
    ]);
  });

  test('a failure without an error code has no error', () => {
    expect(parseTwilioWebhook(twilioStatus({ sid: 'SMc', status: 'failed' }))).toEqual([
      { type: 'status', providerMessageId: 'SMc', status: 'failed' },
    ]);
  });

  test('an error code on a successful status is not an error', () => {
    expect(
      parseTwilioWebhook(twilioStatus({ sid: 'SMd', status: 'delivered', errorCode: '0' })),
    ).toEqual([{ type: 'status', providerMessageId: 'SMd', status: 'delivered' }]);
  });

  test('duplicates and out-of-order callbacks are just the same events again', () => {
    const delivered = twilioStatus({ sid: 'SMe', status: 'delivered' });
    const sent = twilioStatus({ sid: 'SMe', status: 'sent' });
    const events = [delivered, sent, delivered].flatMap(parseTwilioWebhook);
    expect(events.map((e) => ('status' in e ? e.status : ''))).toEqual([
      'delivered',
      'sent',
      'delivered',
    ]);
    expect(events[2]).toEqual(events[0]);
  });
});

describe('parseTwilioWebhook: incoming messages', () => {
  test('builder: a Colombian SMS', () => {
    expect(
      parseTwilioWebhook(
        twilioInbound({ from: '+573001234567', to: '+573009876543', body: 'SI', sid: 'SM1' }),
      ),
    ).toEqual([
      {
        type: 'inbound',
        channel: 'sms',
        from: '+573001234567',
        to: '+573009876543',
        text: 'SI',
        providerMessageId: 'SM1',
      },
    ]);
  });

  test('builder: a WhatsApp quick reply through Twilio', () => {
    expect(
      parseTwilioWebhook(
        twilioInbound({
          from: 'whatsapp:+5215512345678',
          body: 'Sí, confirmo',
          buttonPayload: 'confirm',
          sid: 'SM2',
          profileName: 'Lucía',
        }),
      ),
    ).toEqual([
      {
        type: 'inbound',
        channel: 'whatsapp',
        from: '+5215512345678',
        to: '+15558675310',
        text: 'Sí, confirmo',
        buttonId: 'confirm',
        providerMessageId: 'SM2',
        profileName: 'Lucía',
      },
    ]);
  });

  test('a picture with no text: an inbound event without text', () => {
    const params = {
      ...twilioInbound({ from: '+5215512345678', body: '', sid: 'SM3' }),
      NumMedia: '1',
      MediaContentType0: 'image/jpeg',
      MediaUrl0: 'https://api.twilio.com/2010-04-01/Accounts/AC…/Messages/MM…/Media/ME…',
    };
    const [event] = parseTwilioWebhook(params);
    expect(event).toMatchObject({ type: 'inbound', channel: 'sms', providerMessageId: 'SM3' });
    expect(event).not.toHaveProperty('text');
  });

  test('only the deprecated SmsSid: still the message id', () => {
    const { MessageSid: _, ...params } = TWILIO_INBOUND_SMS;
    expect(parseTwilioWebhook(params)[0]).toMatchObject({
      providerMessageId: 'SMXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX',
    });
  });

  test('a sender number without + gains it; a To that is not a number is left out', () => {
    const [event] = parseTwilioWebhook({ ...TWILIO_INBOUND_SMS, From: '14017122661', To: 'MG123' });
    expect(event).toMatchObject({ from: '+14017122661' });
    expect(event).not.toHaveProperty('to');
  });

  test('another channel through Twilio (Messenger) is not routed: no event', () => {
    expect(parseTwilioWebhook({ ...TWILIO_INBOUND_SMS, From: 'messenger:1234567890' })).toEqual([]);
  });

  test('duplicates parse to the same event', () => {
    expect(parseTwilioWebhook(TWILIO_INBOUND_SMS)).toEqual(
      parseTwilioWebhook({ ...TWILIO_INBOUND_SMS }),
    );
  });
});

describe('parseTwilioWebhook: malformed parameters', () => {
  test.each<[string, Record<string, string>, string]>([
    [
      'no MessageSid nor SmsSid',
      (({ MessageSid, SmsSid, ...p }) => p)(TWILIO_INBOUND_SMS),
      'MessageSid',
    ],
    [
      'a status without MessageSid',
      (({ MessageSid, SmsSid, ...p }) => p)(TWILIO_STATUS_SENT),
      'MessageSid',
    ],
    ['an empty MessageSid', { ...TWILIO_INBOUND_SMS, MessageSid: '', SmsSid: '' }, 'MessageSid'],
    ['no From', (({ From, ...p }) => p)(TWILIO_INBOUND_SMS), 'From'],
    ['an empty From', { ...TWILIO_INBOUND_SMS, From: '' }, 'From'],
    ['a From that is not a phone number', { ...TWILIO_INBOUND_SMS, From: 'Ruta' }, 'From'],
    [
      'a WhatsApp From that is not a number',
      { ...TWILIO_INBOUND_WHATSAPP, From: 'whatsapp:abc' },
      'From',
    ],
    ['neither a status nor a message', { MessageSid: 'SM1', From: '+14017122661' }, 'Body'],
  ])('%s', (_, params, path) => {
    expect(malformedPath(params)).toBe(path);
  });
});
