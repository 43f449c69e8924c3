import type { Prisma } from '../../generated/prisma/client.js';

/**
 * Work a repository runs inside the transaction of its write, after the write itself: the
 * notifications and outbox jobs the change causes. They commit with the change or not at all,
 * so a crash (or a failed commit) can never leave a change whose notice is lost.
 */
export type AlsoInTransaction<T = void> = (tx: Prisma.TransactionClient, written: T) => Promise<void>;

/** The default when a write causes nothing else. */
export const nothingElse = async (): Promise<void> => {};
