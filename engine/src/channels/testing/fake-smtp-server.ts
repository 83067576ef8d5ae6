import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerError } from 'smtp-server';
import { type ParsedEmail, parseMime } from './parse-mime';

export interface ReceivedEmail extends ParsedEmail {
  envelope: { from: string; to: string[] };
  raw: string;
}

/**
 * The rejections the fake can play, in the reply syntax of RFC 5321 §4.2 with the enhanced status
 * codes of RFC 3463: a permanent "no such mailbox" and a transient greylisting answer.
 */
const REJECTIONS = {
  550: '5.1.1 Recipient address rejected: User unknown in virtual mailbox table',
  451: '4.7.1 Greylisted, please try again later',
} as const;

/**
 * A mail server on loopback (the `smtp-server` package) that keeps every message it accepts,
 * with its envelope and the parsed headers, text and HTML. STARTTLS is off (plain loopback) unless
 * `startTls` offers it, with smtp-server's built-in self-signed certificate (which a client that
 * verifies certificates refuses); AUTH is required when a user is given, and every login attempt
 * is counted in `logins`.
 */
export async function startFakeSmtpServer(
  options: { user?: string; password?: string; startTls?: boolean } = {},
) {
  const messages: ReceivedEmail[] = [];
  const logins: string[] = [];
  const rejections: (keyof typeof REJECTIONS)[] = [];
  const server = new SMTPServer({
    logger: false,
    closeTimeout: 500, // a client still connected must not hold close() for 30 s
    disabledCommands: options.startTls ? [] : ['STARTTLS'],
    authOptional: !options.user,
    allowInsecureAuth: true,
    onAuth(auth, _session, callback) {
      logins.push(auth.username ?? '');
      if (auth.username === options.user && auth.password === options.password)
        return callback(null, { user: auth.username });
      callback(smtpError(535, '5.7.8 Authentication credentials invalid'));
    },
    onRcptTo(_address, _session, callback) {
      const code = rejections.shift();
      if (code) return callback(smtpError(code, REJECTIONS[code]));
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        messages.push({
          envelope: {
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
          },
          raw,
          ...parseMime(raw),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    host: '127.0.0.1',
    port: (server.server.address() as AddressInfo).port,
    messages,
    logins,
    /** Rejects the recipient of the next message with 550 (no such user) or 451 (try later). */
    rejectNext(code: keyof typeof REJECTIONS) {
      rejections.push(code);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function smtpError(responseCode: number, message: string): SMTPServerError {
  return Object.assign(new Error(message), { responseCode });
}
