import { createServer, type Server, type Socket } from 'node:net';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { ClamdRefusedError, ClamdUnavailableError, clamdScan } from './clamd-client.js';

/**
 * The INSTREAM client against small stand-ins for clamd, for the answers a real clamd gives
 * only by chance (the real one is in test/materials-antivirus.e2e.spec.ts).
 */
let server: Server | undefined;
afterEach(async () => new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined))));

async function fakeClamd(onConnection: (socket: Socket, received: () => Buffer) => void): Promise<number> {
  server = createServer((socket) => {
    const chunks: Buffer[] = [];
    socket.on('data', (data) => chunks.push(data));
    socket.on('error', () => undefined);
    onConnection(socket, () => Buffer.concat(chunks));
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return (server!.address() as { port: number }).port;
}

const scan = (port: number, bytes: Buffer) => clamdScan({ host: '127.0.0.1', port }, Readable.from([bytes]), 2_000);

describe('clamdScan', () => {
  it('sends the INSTREAM framing and reads a clean answer', async () => {
    let received: Buffer = Buffer.alloc(0);
    const port = await fakeClamd((socket, all) =>
      socket.on('data', () => {
        received = all();
        if (received.subarray(-4).equals(Buffer.alloc(4))) socket.end('stream: OK\0');
      }),
    );
    await expect(scan(port, Buffer.from('hello'))).resolves.toEqual({ clean: true });
    expect(received.toString('latin1')).toBe('zINSTREAM\0\0\0\0\u0005hello\0\0\0\0');
  });

  it('names the signature clamd found', async () => {
    const port = await fakeClamd((socket) => socket.once('data', () => socket.end('stream: Tadamon.Test-Marker FOUND\0')));
    await expect(scan(port, Buffer.from('x'))).resolves.toEqual({ clean: false, signature: 'Tadamon.Test-Marker' });
  });

  it('reports an error answer as a refusal of this file, not as clamd being away', async () => {
    const port = await fakeClamd((socket) =>
      socket.once('data', () => socket.end('INSTREAM size limit exceeded. ERROR\0')),
    );
    await expect(scan(port, Buffer.alloc(200_000))).rejects.toBeInstanceOf(ClamdRefusedError);
  });

  it('reports a hang-up without an answer as clamd being unavailable', async () => {
    const port = await fakeClamd((socket) => socket.destroy());
    await expect(scan(port, Buffer.from('x'))).rejects.toBeInstanceOf(ClamdUnavailableError);
  });
});
