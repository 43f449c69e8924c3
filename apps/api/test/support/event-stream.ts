import type { PrismaService } from '../../src/common/database/prisma.service.js';
import type { TestApp } from './test-app.js';
import { TEST_PASSWORD } from './factories.js';
import { passSecondFactorForTests } from './second-factor.js';

/** The app's address, listening on a real port (streams need a real socket, not supertest). */
export async function baseUrlOf(t: TestApp): Promise<string> {
  const server = t.app.getHttpServer();
  if (!server.listening) await t.app.listen(0, '127.0.0.1');
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('The test app is not listening');
  return `http://127.0.0.1:${address.port}`;
}

/**
 * Signs in with fetch and answers the cookie header a browser would send; with `prisma`, a
 * coordinator's second factor is passed as in every other test.
 */
export async function sessionCookie(baseUrl: string, email: string, prisma?: PrismaService): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (response: Response) => {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair!.indexOf('=');
      jar.set(pair!.slice(0, at), pair!.slice(at + 1));
    }
  };
  const header = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  keep(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const signIn = await fetch(`${baseUrl}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken, cookie: header() },
    body: JSON.stringify({ email, password: TEST_PASSWORD }),
  });
  if (signIn.status !== 200) throw new Error(`Sign-in failed: ${signIn.status}`);
  keep(signIn);
  const session = (await signIn.json()) as { secondFactor?: string; user: { id: string } };
  if (session.secondFactor && prisma) await passSecondFactorForTests(prisma, session.user.id);
  return header();
}

export interface StreamEvent {
  event: string;
  data: string;
}

/** An open text/event-stream, parsed the way EventSource does (events, comments kept apart). */
export class EventStreamReader {
  readonly events: StreamEvent[] = [];
  comments = 0;
  private buffer = '';
  private waiters: (() => void)[] = [];
  private readonly abort = new AbortController();
  response!: Response;

  static async open(url: string, cookie: string): Promise<EventStreamReader> {
    const reader = new EventStreamReader();
    reader.response = await fetch(url, { headers: { cookie, accept: 'text/event-stream' }, signal: reader.abort.signal });
    if (reader.response.ok && reader.response.body) void reader.pump(reader.response.body);
    return reader;
  }

  private async pump(body: ReadableStream<Uint8Array>) {
    const decoder = new TextDecoder();
    try {
      for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
        this.buffer += decoder.decode(chunk, { stream: true });
        let end: number;
        while ((end = this.buffer.indexOf('\n\n')) >= 0) {
          const block = this.buffer.slice(0, end);
          this.buffer = this.buffer.slice(end + 2);
          this.parse(block);
        }
      }
    } catch {
      // Aborted by close().
    }
  }

  private parse(block: string) {
    let event = 'message';
    const data: string[] = [];
    let fields = 0;
    for (const line of block.split('\n')) {
      if (line.startsWith(':')) this.comments++;
      else if (line.startsWith('event:')) {
        event = line.slice(6).trim();
        fields++;
      } else if (line.startsWith('data:')) {
        data.push(line.slice(5).trim());
        fields++;
      }
    }
    if (fields > 0 && data.length > 0) this.events.push({ event, data: data.join('\n') });
    this.waiters.splice(0).forEach((wake) => wake());
  }

  /** Waits until `count` events named `name` have arrived, or fails after `ms`. */
  async waitFor(name: string, count = 1, ms = 5000): Promise<StreamEvent[]> {
    const deadline = Date.now() + ms;
    for (;;) {
      const found = this.events.filter((e) => e.event === name);
      if (found.length >= count) return found;
      if (Date.now() > deadline) throw new Error(`No ${count}× "${name}" within ${ms} ms; got ${JSON.stringify(this.events)}`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 100);
      });
    }
  }

  close() {
    this.abort.abort();
  }
}
