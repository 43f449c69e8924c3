import { Injectable } from '@nestjs/common';
import type { z } from 'zod';
import type { auditQuerySchema } from '@tadamon/shared';
import { AccessPolicy } from '../../common/auth/access.policy.js';
import type { Actor } from '../../common/auth/actor.js';
import { AppError } from '../../common/errors/app-error.js';
import { decodeCursor, invalidCursor, pageFrom } from '../../common/http/page-cursor.js';
import { AuditLogRepository, type AuditScope } from './audit-log.repository.js';
import { networksHolding, organisationsHolding } from '../../common/auth/roles.js';

export type AuditQuery = z.output<typeof auditQuerySchema>;

/** Who sees which audit events: leaders their organisation, coordinators their network. */
@Injectable()
export class AuditLogService {
  constructor(
    private readonly access: AccessPolicy,
    private readonly repository: AuditLogRepository,
  ) {}

  async list(actor: Actor, query: AuditQuery) {
    // Filters go through the access policy: another network's id answers 404, an
    // organisation of one's own network that one does not lead answers 403.
    if (query.organisationId) {
      await this.access.requireOrganisationAccess(actor, 'audit.read', [query.organisationId]);
    }
    if (query.networkId) await this.access.requireNetworkAccess(actor, 'audit.read', query.networkId);

    const rows = await this.repository.page({
      scope: scopeOf(actor),
      organisationId: query.organisationId,
      networkId: query.networkId,
      after: query.cursor ? afterOf(query.cursor) : undefined,
      take: query.limit + 1,
    });
    const page = pageFrom(rows, query.limit, (row) => [row.at.toISOString(), row.id]);
    const subjects = await this.repository.userNames(
      [...new Set(page.items.map((row) => row.subjectUserId).filter((id): id is string => !!id))],
    );
    return {
      items: page.items.map((row) => ({
        id: row.id,
        at: row.at.toISOString(),
        action: row.action,
        actorName: row.actor?.name ?? null,
        // The person acted upon; for events about an organisation itself, the organisation.
        subjectName: (row.subjectUserId ? subjects.get(row.subjectUserId) : row.organisation?.name) ?? null,
        ip: row.ip,
        details: isRecord(row.details) ? row.details : {},
      })),
      nextCursor: page.nextCursor,
    };
  }
}

export function scopeOf(actor: Actor): AuditScope {
  if (actor.isPlatformAdmin) return { everything: true };
  const organisationIds = organisationsHolding(actor, 'audit.read');
  const networkIds = networksHolding(actor, 'audit.read');
  if (organisationIds.length === 0 && networkIds.length === 0) {
    throw new AppError('FORBIDDEN', 'Your role does not allow reading the audit log.');
  }
  return { everything: false, organisationIds, networkIds };
}

function afterOf(cursor: string): { at: Date; id: string } {
  const [at, id] = decodeCursor(cursor, 2) as [string, string];
  const date = new Date(at);
  // A tampered cursor must not reach the database as an invalid date or uuid.
  if (Number.isNaN(date.getTime()) || !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) throw invalidCursor();
  return { at: date, id };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
