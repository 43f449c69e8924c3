import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** What a test provider does with the next request: answer an error, or never answer. */
export type NextAnswer = { status: number; body: unknown } | 'hang';

/** A real HTTP server on a free port; subclasses speak one provider's API. */
export abstract class ProviderHttpServer {
  url = '';
  /** Answers queued by the test, used one per request before the normal answer. */
  readonly next: NextAnswer[] = [];
  private server?: Server;
  private readonly sockets = new Set<Socket>();

  protected abstract handle(request: IncomingMessage, body: string): { status: number; body: unknown };

  async start(): Promise<this> {
    this.server = createServer((request, response) => void this.receive(request, response));
    this.server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  private async receive(request: IncomingMessage, response: ServerResponse) {
    let body = '';
    for await (const chunk of request) body += chunk;
    const queued = this.next.shift();
    if (queued === 'hang') return; // the caller's timeout must end it
    const answer = queued ?? this.handle(request, body);
    response.writeHead(answer.status, { 'content-type': 'application/json' });
    response.end(JSON.stringify(answer.body));
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise((resolve) => this.server?.close(resolve));
  }
}

/** POSTs a callback the way a provider does, with fetch (a real HTTP request to the API). */
export async function postCallback(url: string, body: string, headers: Record<string, string>) {
  const response = await fetch(url, { method: 'POST', body, headers });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : null };
}
