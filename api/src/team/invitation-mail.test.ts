import { expect, test } from 'vitest';
import { invitationEmail } from './invitation-mail';

test('the invitation email speaks Spanish, Portuguese and English, each with the link', () => {
  const mail = invitationEmail({
    workspaceName: 'Loja Sol',
    inviter: 'Marina',
    role: 'viewer',
    link: 'https://ruta.example/invitations/abc',
    expiresAt: new Date(Date.now() + 7 * 86_400_000),
  });
  expect(mail.subject).toBe(
    'Invitación a Loja Sol en Ruta · Convite para Loja Sol na Ruta · Invitation to Loja Sol on Ruta',
  );
  expect(mail.text).toContain('Marina te invitó a «Loja Sol» en Ruta como lector.');
  expect(mail.text).toContain('Marina convidou você para «Loja Sol» na Ruta como leitor.');
  expect(mail.text).toContain(
    'Aceite o convite aqui (vence em 7 dias): https://ruta.example/invitations/abc',
  );
  expect(mail.text).toContain('Marina invited you to “Loja Sol” on Ruta as viewer.');
  expect(mail.html).toContain('Aceitar o convite');
});
