import { describe, expect, test } from 'vitest';
import { classifyReply } from './classify-reply';
import { normalizeReply, squeezeRepeats } from './normalize-reply';
import { noPhrases, optOutWords, unsurePhrases, yesPhrases } from './synonyms';

describe('normalizeReply', () => {
  test.each([
    ['Sí!!', 'si'],
    ['  ¡¡Sí,   CLARO!!  ', 'si claro'],
    ['Não, obrigado.', 'nao obrigado'],
    ['Ñandú', 'nandu'],
    ['ok👍🏽', 'ok 👍'],
    ['I don’t know', 'i dont know'],
    ['???', ''],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(normalizeReply(input)).toBe(expected);
  });
});

describe('classifyReply', () => {
  test.each<[string, 'yes' | 'no' | 'opt_out' | null]>([
    // yes
    ['Sí!!', 'yes'],
    ['si', 'yes'],
    ['si claro', 'yes'],
    ['SIIII', 'yes'],
    ['Claro que sí, lo quiero', 'yes'],
    ['claro', 'yes'],
    ['ok dale', 'yes'],
    ['Ok', 'yes'],
    ['Va', 'yes'],
    ['De acuerdo 🙂', 'yes'],
    ['Hola, sí me interesa', 'yes'],
    ['Sim', 'yes'],
    ['Com certeza!', 'yes'],
    ['yes please', 'yes'],
    ['Yep', 'yes'],
    ['Sure thing', 'yes'],
    ['👍', 'yes'],
    ['👍🏽👍🏽', 'yes'],
    ['No hay problema', 'yes'],
    ['no problem', 'yes'],
    // no
    ['no', 'no'],
    ['NO GRACIAS', 'no'],
    ['no gracias ya compré', 'no'],
    ['Noooo', 'no'],
    ['nop', 'no'],
    ['Nel', 'no'],
    ['No, se me hace caro', 'no'],
    ['Claro que no', 'no'],
    ['Ahora no, gracias', 'no'],
    ['não, obrigado', 'no'],
    ['Nao', 'no'],
    ['nope', 'no'],
    ['No thanks', 'no'],
    ['👎', 'no'],
    // opt-out
    ['STOP', 'opt_out'],
    ['Stop.', 'opt_out'],
    ['Baja', 'opt_out'],
    ['BAJA por favor', 'opt_out'],
    ['parar', 'opt_out'],
    ['Quiero darme de baja', 'opt_out'],
    ['No, baja', 'opt_out'],
    ['no quiero recibir más mensajes', 'opt_out'],
    ['Cancelar suscripción', 'opt_out'],
    ['sair', 'opt_out'],
    ['Quero sair', 'opt_out'],
    ['Não quero mais receber mensagens', 'opt_out'],
    ['unsubscribe', 'opt_out'],
    ['Please stop texting me', 'opt_out'],
    // not clearly anything
    ['no sé', null],
    ['No se', null],
    ['no lo sé, tal vez', null],
    ['Não sei', null],
    ['tal vez mañana', null],
    ['maybe', null],
    ['¿Cuánto cuesta?', null],
    ['y cuánto cuesta el envío?', null],
    ['cancelar mi pedido', null],
    ['vou sair agora', null],
    ['nosotros queremos dos', null],
    ['sino', null],
    ['9', null],
    ['???', null],
    ['', null],
    ['   ', null],
  ])('%j → %s', (reply, intent) => {
    expect(classifyReply(reply)).toBe(intent);
  });
});

test('no phrase is listed twice or under two answers once normalized', () => {
  const all = [...yesPhrases, ...noPhrases, ...unsurePhrases, ...optOutWords].map((phrase) =>
    squeezeRepeats(normalizeReply(phrase)),
  );
  expect(all.filter((phrase, i) => all.indexOf(phrase) !== i)).toEqual([]);
});
