import { type ErrorText, entry, t } from '../text';

const BAD_REQUEST = t('Bad request', 'Solicitud inválida', 'Solicitação inválida');
const CONFLICT = t('Not possible now', 'No es posible ahora', 'Não é possível agora');
const NOT_SENT = t('Not sent', 'No se envió', 'Não enviada');

/** The inbox: hand-offs, agents' answers and notes, queues' notifications. */
export const handoffErrors = {
  unknown_handoff: entry<Record<string, never>>(
    404,
    t('Not found', 'No encontrado', 'Não encontrado'),
    () =>
      t(
        'No such conversation in this workspace.',
        'No existe esa conversación en este espacio.',
        'Não existe essa conversa neste espaço.',
      ),
  ),
  handoff_closed: entry<{ result: string | null }>(409, CONFLICT, () =>
    t(
      'This conversation is closed: its result is set and its journey went on.',
      'Esta conversación ya está cerrada: su resultado quedó registrado y su flujo siguió.',
      'Esta conversa já está encerrada: o resultado ficou registrado e o fluxo seguiu.',
    ),
  ),
  handoff_not_member: entry<{ userId: string }>(400, BAD_REQUEST, () =>
    t(
      'Conversations can only be assigned to members of this workspace who can answer them (agents and above).',
      'Las conversaciones solo se asignan a miembros de este espacio que pueden atenderlas (agentes o más).',
      'As conversas só são atribuídas a membros deste espaço que podem atendê-las (atendentes ou mais).',
    ),
  ),
  handoff_message_empty: entry<Record<string, never>>(400, BAD_REQUEST, () =>
    t(
      'Write a message or choose an approved template.',
      'Escribe un mensaje o elige una plantilla aprobada.',
      'Escreva uma mensagem ou escolha um modelo aprovado.',
    ),
  ),
  handoff_window_closed: entry<{ closedAt: string | null }>(409, NOT_SENT, () =>
    t(
      'The customer has not written on WhatsApp in the last 24 hours, so WhatsApp only takes an approved template: choose one.',
      'El cliente no escribió por WhatsApp en las últimas 24 horas, así que WhatsApp solo acepta una plantilla aprobada: elige una.',
      'O cliente não escreveu no WhatsApp nas últimas 24 horas, então o WhatsApp só aceita um modelo aprovado: escolha um.',
    ),
  ),
  handoff_not_sent: entry<{ channel: string; reason: ErrorText }>(
    409,
    NOT_SENT,
    ({ channel, reason }) =>
      t(
        `The message was not sent on ${channel}: ${reason.en}.`,
        `El mensaje no se envió por ${channel}: ${reason.es}.`,
        `A mensagem não foi enviada por ${channel}: ${reason.pt}.`,
      ),
  ),
  handoff_no_channel: entry<Record<string, never>>(409, NOT_SENT, () =>
    t(
      'This customer has no phone or email to answer on.',
      'Este cliente no tiene teléfono ni correo por donde responderle.',
      'Este cliente não tem telefone nem e-mail para responder.',
    ),
  ),
  handoff_webhook_needs_key: entry<Record<string, never>>(409, CONFLICT, () =>
    t(
      'A signed webhook needs RUTA_SECRETS_KEY on the server (its secret is stored sealed).',
      'Un webhook firmado necesita RUTA_SECRETS_KEY en el servidor (su secreto se guarda cifrado).',
      'Um webhook assinado precisa de RUTA_SECRETS_KEY no servidor (o segredo é guardado cifrado).',
    ),
  ),
};

/** Why an agent's message did not go (the send activity's reasons), in words. */
export const AGENT_SEND_REASONS: Record<string, ErrorText> = {
  no_consent: t(
    'the customer gave no consent on this channel',
    'el cliente no dio su consentimiento en este canal',
    'o cliente não deu consentimento neste canal',
  ),
  opted_out: t('the customer opted out', 'el cliente pidió la baja', 'o cliente pediu descadastro'),
  no_address: t(
    'the customer has no address on this channel',
    'el cliente no tiene dirección en este canal',
    'o cliente não tem endereço neste canal',
  ),
};
export function agentSendReason(reason: string, message: string): ErrorText {
  return AGENT_SEND_REASONS[reason] ?? t(message, message, message);
}
