import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { negotiate } from '@fastify/accept-negotiator';
import type { FastifyReply, FastifyRequest } from 'fastify';

type Encoding = 'br' | 'gzip';
const ENCODINGS: Encoding[] = ['br', 'gzip'];
/** Below this, compression saves less than its headers cost (as @fastify/compress's threshold). */
const MIN_COMPRESSED_BYTES = 1024;

const brotliAsync = promisify(brotliCompress);
const gzipAsync = promisify(gzip);
const compress: Record<Encoding, (json: Buffer) => Promise<Buffer>> = {
  br: (json) =>
    brotliAsync(json, {
      params: {
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_QUALITY]: 5,
        [constants.BROTLI_PARAM_SIZE_HINT]: json.length,
      },
    }),
  gzip: (json) => gzipAsync(json),
};

/**
 * A JSON answer serialised once and compressed at most once per encoding, for answers that are
 * sent many times (cached library pages): serialising, validating and compressing a page on
 * every request was most of the CPU a cached search cost. Shared between requests: never
 * changed after construction.
 */
export class EncodedJson {
  readonly json: Buffer;
  private readonly compressed = new Map<Encoding, Promise<Buffer>>();

  constructor(value: unknown) {
    this.json = Buffer.from(JSON.stringify(value));
  }

  encoded(encoding: Encoding): Promise<Buffer> {
    let body = this.compressed.get(encoding);
    if (!body) {
      body = compress[encoding](this.json);
      // A failed compression is not kept: the next request tries again.
      body.catch(() => this.compressed.delete(encoding));
      this.compressed.set(encoding, body);
    }
    return body;
  }
}

/**
 * Sets the headers for `answer` in the encoding the client accepts best and returns the body
 * for the route to send (with `@Res({ passthrough: true })`). @fastify/compress leaves an answer
 * that already has a Content-Encoding alone.
 */
export async function sendEncodedJson(request: FastifyRequest, reply: FastifyReply, answer: EncodedJson): Promise<Buffer> {
  reply.header('content-type', 'application/json; charset=utf-8').header('vary', 'accept-encoding');
  const accepted = request.headers['accept-encoding'];
  const encoding = answer.json.length >= MIN_COMPRESSED_BYTES && accepted ? (negotiate(accepted, ENCODINGS) as Encoding | null) : null;
  if (!encoding) return answer.json;
  reply.header('content-encoding', encoding);
  return answer.encoded(encoding);
}
