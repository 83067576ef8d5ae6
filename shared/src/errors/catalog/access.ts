import type { Permission, Role } from '../../access/roles';
import { entry, t } from '../text';
import { ACTION_WORDS, ROLE_WORDS } from '../words';

const UNAUTHORIZED = t('Unauthorized', 'Sin autenticar', 'Não autenticado');
const FORBIDDEN = t('Forbidden', 'Sin permiso', 'Sem permissão');
const CONFLICT = t('Conflict', 'Conflicto', 'Conflito');
const BAD_REQUEST = t('Bad request', 'Solicitud inválida', 'Solicitação inválida');
const GONE = t('Gone', 'Ya no está disponible', 'Não está mais disponível');

const article = (word: string) => (/^[aeiou]/i.test(word) ? `an ${word}` : `a ${word}`);

/** Signing in, roles, keys, members and invitations. */
export const accessErrors = {
  invalid_api_key: entry(401, UNAUTHORIZED, () =>
    t(
      'The API key is not valid. Send `Authorization: Bearer <key>` with an active workspace key.',
      'La clave de API no es válida. Envía `Authorization: Bearer <clave>` con una clave activa del espacio de trabajo.',
      'A chave de API não é válida. Envie `Authorization: Bearer <chave>` com uma chave ativa do espaço de trabalho.',
    ),
  ),
  not_signed_in: entry(401, UNAUTHORIZED, () =>
    t(
      'Log in (POST /api/auth/login) or send an API key as `Authorization: Bearer <key>`.',
      'Inicia sesión (POST /api/auth/login) o envía una clave de API como `Authorization: Bearer <clave>`.',
      'Entre (POST /api/auth/login) ou envie uma chave de API como `Authorization: Bearer <chave>`.',
    ),
  ),
  foreign_origin: entry<{ origin: string }>(403, FORBIDDEN, ({ origin }) =>
    t(
      `Requests from ${origin} may not use this session.`,
      `Las solicitudes desde ${origin} no pueden usar esta sesión.`,
      `Solicitações de ${origin} não podem usar esta sessão.`,
    ),
  ),
  role_required: entry<{ permission: Permission; requiredRole: Role; currentRole: Role }>(
    403,
    FORBIDDEN,
    ({ permission, requiredRole, currentRole }) => {
      const action = ACTION_WORDS[permission];
      const needed = ROLE_WORDS[requiredRole];
      const current = ROLE_WORDS[currentRole];
      return t(
        `${action.en} needs the ${needed.en} role; you are ${article(current.en)}. Ask an owner or admin of the workspace.`,
        `${action.es} requiere el rol de ${needed.es}; tu rol es ${current.es}. Pídeselo a quien administra el espacio de trabajo.`,
        `${action.pt} exige o papel de ${needed.pt}; seu papel é ${current.pt}. Peça a quem administra o espaço de trabalho.`,
      );
    },
  ),
  api_key_scope: entry<{ permission: Permission; requiredRole: Role }>(
    403,
    FORBIDDEN,
    ({ permission, requiredRole }) => {
      const action = ACTION_WORDS[permission];
      const needed = ROLE_WORDS[requiredRole];
      return t(
        `${action.en} needs the ${needed.en} role; this API key has the ingest scope (events, contacts and source webhooks only). Use a full key.`,
        `${action.es} requiere el rol de ${needed.es}; esta clave de API solo sirve para recibir datos (eventos, contactos y webhooks de fuentes). Usa una clave completa.`,
        `${action.pt} exige o papel de ${needed.pt}; esta chave de API só serve para receber dados (eventos, contatos e webhooks de fontes). Use uma chave completa.`,
      );
    },
  ),
  route_not_declared: entry<{ route: string }>(403, FORBIDDEN, ({ route }) =>
    t(
      `${route} has no access rule, so nobody may call it (needs the owner role at least, and a rule).`,
      `${route} no tiene regla de acceso, así que nadie puede usarla.`,
      `${route} não tem regra de acesso, então ninguém pode usá-la.`,
    ),
  ),
  wrong_credentials: entry(401, UNAUTHORIZED, () =>
    t(
      'Wrong email or password.',
      'El correo o la contraseña no son correctos.',
      'O e-mail ou a senha não estão corretos.',
    ),
  ),
  no_workspace: entry(403, FORBIDDEN, () =>
    t(
      'This account is no longer a member of any workspace.',
      'Esta cuenta ya no pertenece a ningún espacio de trabajo.',
      'Esta conta não pertence mais a nenhum espaço de trabalho.',
    ),
  ),
  login_throttled: entry<{ seconds: number }>(
    429,
    t(
      'Too many sign-in attempts',
      'Demasiados intentos de inicio de sesión',
      'Tentativas de login demais',
    ),
    ({ seconds }) =>
      t(
        `Too many failed sign-ins for this account or from this address; try again in ${seconds} s.`,
        `Demasiados intentos fallidos para esta cuenta o desde esta dirección; vuelve a intentarlo en ${seconds} s.`,
        `Tentativas de login com falha demais para esta conta ou deste endereço; tente de novo em ${seconds} s.`,
      ),
  ),
  session_required: entry(400, BAD_REQUEST, () =>
    t(
      'This acts on a signed-in member’s sessions; an API key has none.',
      'Esto actúa sobre las sesiones de un miembro con sesión iniciada; una clave de API no tiene.',
      'Isto atua sobre as sessões de um membro conectado; uma chave de API não tem sessões.',
    ),
  ),
  wrong_password: entry<{ email?: string }>(400, BAD_REQUEST, ({ email }) =>
    email
      ? t(
          `${email} already has a Ruta account: enter its password to join.`,
          `${email} ya tiene cuenta en Ruta: escribe su contraseña para unirte.`,
          `${email} já tem conta na Ruta: digite a senha dela para entrar.`,
        )
      : t(
          'The current password is not right.',
          'La contraseña actual no es correcta.',
          'A senha atual não está correta.',
        ),
  ),
  weak_password: entry<{ minimum: number }>(400, BAD_REQUEST, ({ minimum }) =>
    t(
      `Choose a password of at least ${minimum} characters.`,
      `Elige una contraseña de al menos ${minimum} caracteres.`,
      `Escolha uma senha de pelo menos ${minimum} caracteres.`,
    ),
  ),
  last_owner: entry(409, CONFLICT, () =>
    t(
      'A workspace keeps at least one owner: make someone else owner first.',
      'Un espacio de trabajo necesita al menos un propietario: primero haz propietario a otra persona.',
      'Um espaço de trabalho precisa de pelo menos um proprietário: primeiro torne outra pessoa proprietária.',
    ),
  ),
  already_member: entry<{ email: string }>(409, CONFLICT, ({ email }) =>
    t(
      `${email} is already a member of this workspace; change their role instead.`,
      `${email} ya es miembro de este espacio de trabajo; cambia su rol en su lugar.`,
      `${email} já é membro deste espaço de trabalho; altere o papel dessa pessoa.`,
    ),
  ),
  invitation_invalid: entry(404, t('Not found', 'No encontrada', 'Não encontrado'), () =>
    t(
      'This invitation link is not valid: it may have been replaced or cancelled. Ask for a new one.',
      'Este enlace de invitación no es válido: quizá lo reemplazaron o cancelaron. Pide uno nuevo.',
      'Este link de convite não é válido: talvez tenha sido substituído ou cancelado. Peça um novo.',
    ),
  ),
  invitation_used: entry(410, GONE, () =>
    t(
      'This invitation was already accepted. Log in with that account.',
      'Esta invitación ya se aceptó. Inicia sesión con esa cuenta.',
      'Este convite já foi aceito. Entre com essa conta.',
    ),
  ),
  invitation_expired: entry<{ expiredAt: string }>(410, GONE, ({ expiredAt }) =>
    t(
      `This invitation expired on ${expiredAt}. Ask for a new link.`,
      'Esta invitación venció. Pide un enlace nuevo a quien te invitó.',
      'Este convite expirou. Peça um novo link a quem convidou você.',
    ),
  ),
  invitation_changed: entry(409, CONFLICT, () =>
    t(
      'The invitation was used or cancelled meanwhile.',
      'La invitación se usó o se canceló mientras tanto.',
      'O convite foi usado ou cancelado nesse meio-tempo.',
    ),
  ),
  account_created_meanwhile: entry(409, CONFLICT, () =>
    t(
      'An account with this email was created meanwhile; open the link again.',
      'Mientras tanto se creó una cuenta con este correo; abre el enlace de nuevo.',
      'Nesse meio-tempo foi criada uma conta com este e-mail; abra o link de novo.',
    ),
  ),
};
