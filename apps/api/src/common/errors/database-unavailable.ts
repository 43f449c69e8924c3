/**
 * Whether an error means PostgreSQL cannot be reached right now (restarting, a network cut),
 * as opposed to a query that is wrong. Such errors answer 503 DATABASE_UNAVAILABLE, which a
 * client may retry, instead of 500. Looks through Prisma's wrappers (`cause`, the driver
 * adapter's `kind`) down to node-postgres and socket errors.
 */
const PRISMA_CODES = new Set([
  'P1001', // can't reach database server
  'P1002', // reached but timed out
  'P1008', // operations timed out
  'P1017', // server closed the connection
  'P2024', // timed out fetching a connection from the pool
]);
const ADAPTER_KINDS = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections']);
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH']);
/** SQLSTATE class 08 (connection exception) and the shutdown codes of class 57. */
const SQLSTATE = /^(08\d{3}|57P0[1-3])$/;
// The last two: Prisma's interactive transaction could not get a connection within its wait, or
// its time ran out while queued behind others (P2028) — the database is saturated, not wrong,
// and the same request a moment later succeeds.
const MESSAGES =
  /Unable to start a transaction in the given time|expired transaction\. The timeout for this transaction|Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error|Connection ended unexpectedly|Can't reach database server|Server has closed the connection|the database system is (starting up|shutting down)|terminating connection due to administrator command/i;

export function isDatabaseUnavailable(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 6 && current && typeof current === 'object'; depth++) {
    const e = current as { code?: unknown; kind?: unknown; message?: unknown; cause?: unknown; name?: unknown };
    if (typeof e.code === 'string' && (PRISMA_CODES.has(e.code) || SOCKET_CODES.has(e.code) || SQLSTATE.test(e.code))) return true;
    if (typeof e.kind === 'string' && ADAPTER_KINDS.has(e.kind)) return true;
    if (e.kind === 'postgres' && typeof (e as { code?: unknown }).code === 'string' && SQLSTATE.test(String(e.code))) return true;
    if (typeof e.message === 'string' && MESSAGES.test(e.message)) return true;
    current = e.cause;
  }
  return false;
}
