import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service.js';
import { AppError } from '../errors/app-error.js';

/** Failures allowed before back-off starts, per account and per address. */
const FREE_FAILURES = { account: 5, ip: 20 } as const;
const BASE_LOCK_MS = 30_000;
const MAX_LOCK_MS = 15 * 60_000;
const FORGET_AFTER_MS = 60 * 60_000;

type Kind = keyof typeof FREE_FAILURES;

/**
 * Exponential back-off on failed sign-ins, per account (guessing one password or PIN) and per
 * IP (trying many accounts). Counters live in PostgreSQL so every API process shares them.
 * The account key is the user's id when the account exists (so e-mail, phone and username share
 * one counter), else the identifier as typed, normalised.
 */
@Injectable()
export class SignInThrottleService {
  constructor(private readonly prisma: PrismaService) {}

  /** Throws TOO_MANY_ATTEMPTS (with Retry-After) while either key is locked. */
  async assertAllowed(accountKey: string, ip: string): Promise<void> {
    const rows = await this.prisma.signInThrottle.findMany({
      where: { key: { in: [key('account', accountKey), key('ip', ip)] }, lockedUntil: { gt: new Date() } },
    });
    if (rows.length === 0) return;
    const until = Math.max(...rows.map((r) => r.lockedUntil!.getTime()));
    const seconds = Math.max(1, Math.ceil((until - Date.now()) / 1000));
    throw new AppError(
      'TOO_MANY_ATTEMPTS',
      'Too many failed sign-ins. Wait a little and try again.',
      { retryAfterSeconds: seconds },
      { 'retry-after': String(seconds) },
    );
  }

  async recordFailure(accountKey: string, ip: string): Promise<void> {
    await Promise.all([this.bump('account', accountKey), this.bump('ip', ip)]);
  }

  /** A correct password clears the account's counter (not the address's). */
  async recordSuccess(accountKey: string): Promise<void> {
    await this.prisma.signInThrottle.deleteMany({ where: { key: key('account', accountKey) } });
  }

  private async bump(kind: Kind, value: string): Promise<void> {
    // Failures older than the forget window no longer count against anyone.
    await this.prisma.signInThrottle.deleteMany({
      where: { key: key(kind, value), updatedAt: { lt: new Date(Date.now() - FORGET_AFTER_MS) } },
    });
    const row = await this.prisma.signInThrottle.upsert({
      where: { key: key(kind, value) },
      create: { key: key(kind, value), failures: 1 },
      update: { failures: { increment: 1 } },
    });
    const over = row.failures - FREE_FAILURES[kind];
    if (over >= 0) {
      const lockMs = Math.min(BASE_LOCK_MS * 2 ** over, MAX_LOCK_MS);
      await this.prisma.signInThrottle.update({
        where: { key: row.key },
        data: { lockedUntil: new Date(Date.now() + lockMs) },
      });
    }
  }
}

const key = (kind: Kind, value: string) => `${kind}:${value.toLowerCase()}`;
