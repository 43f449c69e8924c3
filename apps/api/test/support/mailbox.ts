import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';
import type { AddressInfo } from 'node:net';

/** A real SMTP server in the test process; the API sends to it like to any mail server. */
export class Mailbox {
  readonly messages: ParsedMail[] = [];
  /** While true the server refuses every recipient, like a mail server having a bad day. */
  rejecting = false;
  /** How long the server takes to accept a message (a slow mail server); 0: at once. */
  holdMs = 0;
  /** Messages being received right now. */
  receiving = 0;
  private server?: SMTPServer;

  async start(): Promise<string> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onRcptTo: (_address, _session, callback) =>
        this.rejecting ? callback(new Error('Mailbox unavailable (test)')) : callback(),
      onData: (stream, _session, callback) => {
        this.receiving++;
        simpleParser(stream)
          .then(async (mail) => {
            if (this.holdMs > 0) await new Promise((done) => setTimeout(done, this.holdMs));
            this.messages.push(mail);
            callback();
          })
          .catch(callback)
          .finally(() => this.receiving--);
      },
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.server.address() as AddressInfo;
    return `smtp://127.0.0.1:${port}`;
  }

  /** Waits for a message to `to` (and matching `where`), as a person would wait for it. */
  async waitFor(to: string, where: (mail: ParsedMail) => boolean = () => true, timeoutMs = 10_000) {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const found = this.messages.find((m) => addressesOf(m).includes(to.toLowerCase()) && where(m));
      if (found) return found;
      if (Date.now() > until) throw new Error(`No mail to ${to} within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  for(to: string): ParsedMail[] {
    return this.messages.filter((m) => addressesOf(m).includes(to.toLowerCase()));
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

function addressesOf(mail: ParsedMail): string[] {
  const to = Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : [];
  return to.flatMap((group) => group.value.map((a) => (a.address ?? '').toLowerCase()));
}

/** The first link in a mail's text that contains `path`. */
export function linkIn(mail: ParsedMail, path: string): URL {
  const match = (mail.text ?? '').match(new RegExp(`https?://\\S*${path}\\S*`));
  if (!match) throw new Error(`No ${path} link in mail "${mail.subject}"`);
  return new URL(match[0]);
}
