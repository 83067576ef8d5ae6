import { describe, expect, test } from 'vitest';
import { type InboundReply, matchesReply } from './matches-reply';
import type { ReplyMatch } from './reply-match';

describe('matchesReply', () => {
  test.each<[string, InboundReply, ReplyMatch | undefined, boolean]>([
    ['no criteria: any text', { text: 'cualquier cosa' }, undefined, true],
    ['empty criteria: any reply', { buttonId: 'btn_1' }, {}, true],
    ['empty keyword list: any reply', { text: 'hola' }, { keywords: [] }, true],
    ['button id equal', { text: 'Comprar', buttonId: 'buy' }, { buttonId: 'buy' }, true],
    ['button id differs', { text: 'Comprar', buttonId: 'later' }, { buttonId: 'buy' }, false],
    ['button id wins over text', { text: 'buy' }, { buttonId: 'buy' }, false],
    [
      'button id wins over intent',
      { text: 'Sí', buttonId: 'no_thanks' },
      { buttonId: 'yes', intent: 'yes' },
      false,
    ],
    ['intent yes', { text: 'Sí!!' }, { intent: 'yes' }, true],
    ['intent yes, reply no', { text: 'NO GRACIAS' }, { intent: 'yes' }, false],
    ['intent no', { text: 'no gracias' }, { intent: 'no' }, true],
    ['intent opt_out', { text: 'Baja' }, { intent: 'opt_out' }, true],
    ['opt-out is not a no', { text: 'STOP' }, { intent: 'no' }, false],
    ['intent with a button tap and no text', { buttonId: 'x' }, { intent: 'yes' }, false],
    [
      'the intent the API classified is used',
      { text: 'dale', intent: 'yes' },
      { intent: 'yes' },
      true,
    ],
    [
      'a classified null intent is not re-read',
      { text: 'sí', intent: null },
      { intent: 'yes' },
      false,
    ],
    ['keyword as a word', { text: 'Quiero la talla M' }, { keywords: ['m', 'l'] }, true],
    ['keyword is not a part of a word', { text: 'mañana' }, { keywords: ['m'] }, false],
    [
      'keyword phrase with accents',
      { text: 'MÁS TARDE, porfa' },
      { keywords: ['mas tarde'] },
      true,
    ],
    ['keyword normalized too', { text: 'envío gratis?' }, { keywords: ['Envío Gratis'] }, true],
    ['NPS score keyword', { text: '9️⃣' }, { keywords: ['9', '10'] }, true],
    ['NPS score not listed', { text: '7' }, { keywords: ['9', '10'] }, false],
    [
      'intent or keyword: keyword',
      { text: 'lo compro' },
      { intent: 'yes', keywords: ['lo compro'] },
      true,
    ],
    [
      'intent or keyword: intent',
      { text: 'dale' },
      { intent: 'yes', keywords: ['lo compro'] },
      true,
    ],
    [
      'intent or keyword: neither',
      { text: 'luego' },
      { intent: 'yes', keywords: ['lo compro'] },
      false,
    ],
  ])('%s', (_label, reply, match, expected) => {
    expect(matchesReply(reply, match)).toBe(expected);
  });
});
