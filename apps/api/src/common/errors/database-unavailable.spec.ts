import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable } from './database-unavailable.js';

describe('isDatabaseUnavailable', () => {
  it('recognises a refused connection however deeply Prisma wraps it', () => {
    const socket = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED', syscall: 'connect', errno: -111 });
    const adapter = Object.assign(new Error('DriverAdapterError'), { cause: { kind: 'DatabaseNotReachable', originalCode: 'ECONNREFUSED' } });
    const prisma = Object.assign(new Error('Invalid invocation'), { code: 'P1001' });
    expect(isDatabaseUnavailable(socket)).toBe(true);
    expect(isDatabaseUnavailable(new Error('query failed', { cause: adapter }))).toBe(true);
    expect(isDatabaseUnavailable(prisma)).toBe(true);
    expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }))).toBe(true);
  });

  it('counts a transaction that could not start, or ran out of time, in a saturated pool as unavailable', () => {
    const wait = Object.assign(new Error('Transaction API error: Unable to start a transaction in the given time.'), { code: 'P2028' });
    const expired = Object.assign(
      new Error('Transaction API error: Transaction already closed: A query cannot be executed on an expired transaction. The timeout for this transaction was 5000 ms, however 5321 ms passed since the start of the transaction.'),
      { code: 'P2028' },
    );
    expect(isDatabaseUnavailable(wait)).toBe(true);
    expect(isDatabaseUnavailable(expired)).toBe(true);
    // A transaction used after its commit is a bug, not a busy database.
    expect(isDatabaseUnavailable(Object.assign(new Error('Transaction API error: Transaction already closed: A commit cannot be executed on a committed transaction.'), { code: 'P2028' }))).toBe(false);
  });

  it('leaves a wrong query or a constraint as the error it is', () => {
    expect(isDatabaseUnavailable(Object.assign(new Error('syntax error at or near "SELEC"'), { code: '42601' }))).toBe(false);
    expect(isDatabaseUnavailable(Object.assign(new Error('Unique constraint failed'), { code: 'P2002' }))).toBe(false);
    expect(isDatabaseUnavailable(new Error('Something else'))).toBe(false);
    expect(isDatabaseUnavailable(undefined)).toBe(false);
  });
});
