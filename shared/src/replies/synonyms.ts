// Reply vocabulary in Spanish, Portuguese and English. Written as people type them; they are
// normalized (accents, case, punctuation, stretched letters) before comparing, so "sí" covers
// "Si!!", "SIII" and "sí".

/**
 * An answer that STARTS with one of these is a yes ("claro que sí, lo quiero").
 * The longest matching start wins across all lists, so "claro que no" (a no) beats "claro".
 */
// biome-ignore format: word lists read better packed
export const yesPhrases = [
  // es
  'sí', 's', 'si claro', 'claro', 'claro que sí', 'dale', 'ok', 'okay', 'okey', 'oki', 'va', 'vale',
  'de acuerdo', 'por supuesto', 'obvio', 'seguro', 'perfecto', 'listo', 'me interesa', 'lo quiero',
  'órale', 'simón', 'afirmativo', 'creo que sí', 'no hay problema', 'sin problema', 'está bien',
  // pt
  'sim', 'com certeza', 'pode ser', 'pode', 'beleza', 'blz', 'certo', 'isso', 'fechado', 'bora',
  'eu quero', 'quero sim', 'tá bom', 'tudo bem', 'sem problema',
  // en
  'yes', 'yep', 'yeah', 'yup', 'sure', 'of course', 'absolutely', 'definitely', 'sounds good',
  'no problem', 'alright', 'all right', 'please do', 'i want it',
  // emoji
  '👍', '👌', '✅', '🙌', '💯',
];

/** An answer that STARTS with one of these is a no ("no gracias, ya compré"). */
// biome-ignore format: word lists read better packed
export const noPhrases = [
  // es
  'no', 'n', 'nop', 'nope', 'nel', 'no gracias', 'negativo', 'para nada', 'nunca', 'jamás', 'ahora no',
  'todavía no', 'aún no', 'mejor no', 'creo que no', 'claro que no', 'seguro que no', 'por supuesto que no', 'ya no',
  // pt
  'não', 'não obrigado', 'não obrigada', 'agora não', 'ainda não', 'de jeito nenhum', 'claro que não',
  // en
  'nah', 'no thanks', 'no thank you', 'not now', 'not interested', 'not yet', 'of course not',
  // emoji
  '👎', '❌', '🙅',
];

/**
 * Starts that look like yes/no but are not an answer; they win over "no" because they are longer:
 * "no sé" (I don't know) must not send the contact down the "no" branch.
 */
// biome-ignore format: word lists read better packed
export const unsurePhrases = [
  // es
  'no sé', 'no lo sé', 'no sabría', 'no estoy seguro', 'no estoy segura', 'no entiendo',
  'no entendí', 'no tengo idea', 'no recuerdo', 'no me acuerdo', 'tal vez', 'quizás', 'quizá',
  'a lo mejor', 'puede ser', 'depende',
  // pt
  'não sei', 'não entendi', 'talvez', 'não tenho certeza',
  // en
  'not sure', 'i dont know', 'dont know', 'idk', 'maybe', 'i guess',
];

/** Greetings skipped before looking for the answer: "Hola, sí me interesa" is a yes. */
// biome-ignore format: word lists read better packed
export const leadingGreetings = [
  'hola', 'buenas', 'buenos días', 'buenas tardes', 'buenas noches', 'oi', 'olá', 'bom dia',
  'boa tarde', 'boa noite', 'hi', 'hey', 'hello',
];

/**
 * Opt-out words count only when they are (nearly) the whole message: "STOP", "Baja por favor",
 * "quero sair". Alone they are unambiguous; inside a sentence ("cancelar mi pedido", "vou sair
 * agora") they usually are not, so sentences need one of `optOutPhrases`.
 */
// biome-ignore format: word lists read better packed
export const optOutWords = [
  // es
  'baja', 'parar', 'para', 'alto', 'basta', 'cancelar', 'salir', 'desuscribir', 'desuscribirme',
  // pt
  'sair', 'pare', 'chega', 'descadastrar', 'remover', 'cancele',
  // en
  'stop', 'stopall', 'unsubscribe', 'cancel', 'end', 'quit', 'optout', 'revoke',
  // emoji
  '🛑',
];

/** Words that may surround an opt-out word without changing its meaning: "no, baja ya por favor". */
// biome-ignore format: word lists read better packed
export const optOutFillers = [
  'no', 'ya', 'por', 'favor', 'porfa', 'porfavor', 'gracias', 'quiero', 'me', 'de', 'una', 'vez',
  'ahora', 'todo', 'obrigado', 'obrigada', 'quero', 'agora', 'please', 'pls', 'plz', 'thanks',
  'thank', 'you', 'i', 'want', 'to', 'now', 'ok',
];

/** Phrases that mean opt-out wherever they appear: "Quiero darme de baja de estos mensajes". */
// biome-ignore format: word lists read better packed
export const optOutPhrases = [
  // es
  'darme de baja', 'dar de baja', 'dame de baja', 'denme de baja', 'me doy de baja',
  'cancelar suscripción', 'cancelar mi suscripción', 'anular suscripción', 'no me escribas más',
  'no me escriban más', 'no me manden más', 'no me envíen más', 'no me mandes más',
  'no me envíes más', 'no más mensajes', 'no quiero recibir', 'dejen de escribirme',
  'dejen de enviarme', 'deja de escribirme', 'deja de enviarme', 'sácame de la lista',
  'sáquenme de la lista', 'quítenme de la lista', 'bórrenme de la lista',
  // pt
  'não quero mais receber', 'não quero receber', 'não me mande mais', 'não mande mais',
  'não me envie mais', 'pare de enviar', 'pare de me mandar', 'parem de enviar', 'me tire da lista',
  'me tira da lista', 'me remova', 'sair da lista', 'cancelar inscrição', 'descadastrar',
  // en
  'unsubscribe', 'opt out', 'stop messaging', 'stop sending', 'stop texting', 'remove me',
  'take me off', 'dont message me', 'dont text me',
];
