import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { PrismaService } from '../database/prisma.service.js';
import type { Actor } from './actor.js';
import { findSessionByTokenHash } from './session-lookup.js';
import { SessionClock } from './session-clock.js';
import { hashToken, newToken } from './tokens.js';

// Writing lastSeenAt on every request would turn each read into a write; once a minute is enough.
const TOUCH_INTERVAL_MS = 60_000;
/** "This is a shared phone": the next person must not find the last one still signed in. */
export const SHARED_DEVICE_IDLE_MINUTES = 15;

export interface SessionCookie {
  name: string;
  options: {
    httpOnly: true;
    sameSite: 'lax';
    secure: boolean;
    path: '/';
    maxAge: number;
  };
}

/** Opaque, revocable, server-side sessions (the browser holds only a random token). */
@Injectable()
export class SessionService {
  constructor(
    private readonly prisma: PrismaService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: SessionClock,
  ) {}

  cookie(): SessionCookie {
    const secure = this.config.isProduction;
    return {
      // __Host- binds the cookie to this exact origin; browsers accept it only with Secure.
      name: secure ? '__Host-tadamon_session' : 'tadamon_session',
      options: {
        httpOnly: true,
        sameSite: 'lax',
        secure,
        path: '/',
        maxAge: this.config.SESSION_ABSOLUTE_HOURS * 3600,
      },
    };
  }

  /** Starts a fresh session; the token is new at every sign-in (no fixation). */
  async create(
    userId: string,
    meta: { ip?: string; userAgent?: string },
    options: { sharedDevice?: boolean; secondFactor?: 'VERIFY' | 'ENROL' | null } = {},
  ): Promise<string> {
    const token = newToken();
    const now = this.clock.now();
    await this.prisma.session.create({
      data: {
        tokenHash: hashToken(token),
        userId,
        createdAt: new Date(now),
        lastSeenAt: new Date(now),
        sharedDevice: options.sharedDevice ?? false,
        expiresAt: new Date(now + this.config.SESSION_ABSOLUTE_HOURS * 3600_000),
        ip: meta.ip ?? null,
        userAgent: meta.userAgent?.slice(0, 300) ?? null,
        secondFactor: options.secondFactor ?? null,
      },
    });
    return token;
  }

  /** The actor for a cookie token, or null when the session is unknown, expired or revoked. */
  async resolve(token: string): Promise<Actor | null> {
    const session = await findSessionByTokenHash(this.prisma, hashToken(token));
    if (!session || session.revokedAt || session.disabledAt) return null;
    const now = this.clock.now();
    const idleLimit = this.idleLimitMs(session.sharedDevice);
    if (session.expiresAt.getTime() <= now || session.lastSeenAt.getTime() + idleLimit <= now) {
      return null;
    }
    if (now - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
      await this.prisma.session.update({ where: { id: session.id }, data: { lastSeenAt: new Date(now) } });
    }
    return {
      userId: session.userId,
      sessionId: session.id,
      sessionTokenHash: session.tokenHash,
      email: session.email,
      phone: session.phone,
      username: session.username,
      sharedDevice: session.sharedDevice,
      name: session.name,
      preferredLanguage: session.preferredLanguage,
      timeZone: session.timeZone,
      isPlatformAdmin: session.isPlatformAdmin,
      secondFactor: session.secondFactor,
      organisations: new Map(
        session.organisations.map(({ organisationId, role, networkId, name, networkName }) => [
          organisationId,
          { role, networkId, name, networkName },
        ]),
      ),
      networks: new Map(session.networks.map(({ networkId, role, name }) => [networkId, { role, name }])),
    };
  }

  /** A shared-phone session ends after 15 minutes idle, or sooner if the setting says so. */
  idleLimitMs(sharedDevice: boolean): number {
    const minutes = this.config.SESSION_IDLE_MINUTES;
    return (sharedDevice ? Math.min(minutes, SHARED_DEVICE_IDLE_MINUTES) : minutes) * 60_000;
  }

  /** The second factor was given: the session now works like any other. */
  async completeSecondFactor(sessionId: string): Promise<void> {
    await this.prisma.session.update({ where: { id: sessionId }, data: { secondFactor: null } });
  }

  async revoke(sessionId: string): Promise<void> {
    await this.prisma.session.updateMany({
      where: { id: sessionId, revokedAt: null },
      data: { revokedAt: new Date() },
    });
  }

  /** Ends every session of a user, optionally keeping one (e.g. after a password change). */
  async revokeAllForUser(userId: string, exceptSessionId?: string): Promise<number> {
    const result = await this.prisma.session.updateMany({
      where: { userId, revokedAt: null, ...(exceptSessionId ? { id: { not: exceptSessionId } } : {}) },
      data: { revokedAt: new Date() },
    });
    return result.count;
  }

  /** The CSRF token bound to a session: derived, so it needs no storage and dies with it. */
  csrfTokenFor(sessionTokenHash: string): string {
    return createHash('sha256').update(`csrf:${sessionTokenHash}`).digest('base64url');
  }
}
