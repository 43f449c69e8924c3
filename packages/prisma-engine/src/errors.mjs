// Turning errors from the wasm engine and from `pg` into the (code, message)
// pairs that Prisma's CLI expects from its native engine.
import { lastPanicMessage } from './engine.mjs'

// node-postgres / network errors -> Prisma's P1xxx codes.
const PG_CODES = {
  '3D000': 'P1003', // database does not exist
  '28P01': 'P1000', // authentication failed
  28000: 'P1000',
  '42501': 'P1010', // insufficient privilege
  ECONNREFUSED: 'P1001', // can't reach database server
  ENOTFOUND: 'P1001',
  ETIMEDOUT: 'P1002',
}

/**
 * @param {unknown} error
 * @returns {{ code?: string, message: string, meta?: unknown, isPanic: boolean }}
 */
export function describeError(error) {
  const e = /** @type {any} */ (error)
  // A Rust panic surfaces as a WebAssembly trap ("unreachable").
  if (e instanceof WebAssembly.RuntimeError) {
    return { message: lastPanicMessage ?? e.message, isPanic: true }
  }
  const code = typeof e?.code === 'string' && /^P\d{4}$/.test(e.code) ? e.code : PG_CODES[e?.code]
  return { code, message: String(e?.message ?? e), meta: e?.meta, isPanic: false }
}
