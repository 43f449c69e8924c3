import { connect, type Socket } from 'node:net';
import type { Readable } from 'node:stream';

/** Where clamd listens: TCP, or a Unix socket. */
export type ClamdTarget = { host: string; port: number } | { socket: string };

export type ScanVerdict = { clean: true } | { clean: false; signature: string };

/** clamd could not be reached or broke off: worth trying again later. */
export class ClamdUnavailableError extends Error {}
/** clamd answered with an error about this file (too large for its StreamMaxLength…). */
export class ClamdRefusedError extends Error {}

/** Bytes per INSTREAM chunk; clamd reads each into memory. */
const CHUNK = 64 * 1024;

/**
 * Streams bytes to clamd with the INSTREAM command (no temporary file, no shared disk with
 * clamd): `zINSTREAM\0`, then chunks each prefixed with their length as 4 bytes big-endian,
 * then a zero length. clamd answers `stream: OK`, `stream: <signature> FOUND`, or `… ERROR`.
 * About 60 lines of protocol, so no client library (the npm ones wrap far more than this).
 */
export function clamdScan(target: ClamdTarget, bytes: Readable, timeoutMs: number): Promise<ScanVerdict> {
  return new Promise((resolve, reject) => {
    let settled = false;
    let reply = '';
    const socket: Socket = 'socket' in target ? connect(target.socket) : connect(target.port, target.host);
    const finish = (error: Error | null, verdict?: ScanVerdict) => {
      if (settled) return;
      settled = true;
      socket.destroy();
      bytes.destroy();
      if (error) reject(error);
      else resolve(verdict!);
    };
    socket.setTimeout(timeoutMs, () => finish(new ClamdUnavailableError(`clamd did not answer within ${timeoutMs} ms`)));
    // A write after clamd hung up (EPIPE) comes after its answer: the answer counts.
    socket.on('error', (error) =>
      reply ? finish(...parseReply(reply.replace(/\0.*$/s, ''))) : finish(new ClamdUnavailableError(`clamd: ${error.message}`)),
    );
    socket.on('data', (data: Buffer) => {
      reply += data.toString('utf8');
      if (reply.includes('\0')) finish(...parseReply(reply.slice(0, reply.indexOf('\0'))));
    });
    // clamd may close early (size limit reached): whatever it said before closing decides.
    socket.on('close', () =>
      reply ? finish(...parseReply(reply.replace(/\0.*$/s, ''))) : finish(new ClamdUnavailableError('clamd closed the connection')),
    );
    socket.on('connect', async () => {
      try {
        socket.write('zINSTREAM\0');
        for await (const piece of bytes) {
          const buffer = piece as Buffer;
          for (let offset = 0; offset < buffer.length; offset += CHUNK) {
            const chunk = buffer.subarray(offset, offset + CHUNK);
            const length = Buffer.alloc(4);
            length.writeUInt32BE(chunk.length);
            socket.write(length);
            // Back-pressure: wait for clamd to take the bytes before reading more.
            if (!socket.write(chunk)) await new Promise((next) => socket.once('drain', next));
            if (settled) return;
          }
        }
        socket.write(Buffer.alloc(4));
      } catch (error) {
        finish(error as Error);
      }
    });
  });
}

function parseReply(line: string): [Error | null, ScanVerdict?] {
  const text = line.trim();
  if (/^stream: OK$/.test(text)) return [null, { clean: true }];
  const found = /^stream: (.+) FOUND$/.exec(text);
  if (found) return [null, { clean: false, signature: found[1]! }];
  return [new ClamdRefusedError(`clamd: ${text}`)];
}
