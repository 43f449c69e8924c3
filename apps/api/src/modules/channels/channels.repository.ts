import { Injectable } from '@nestjs/common';
import type { MessageChannel, MessageKind } from '@tadamon/shared';
import { Prisma } from '../../generated/prisma/client.js';
import { nothingElse, type AlsoInTransaction } from '../../common/database/also-in-transaction.js';
import { PrismaService } from '../../common/database/prisma.service.js';
import type { DeliveryStatus, StatusUpdate } from '../../common/channels/channel-types.js';
import { COORDINATOR_ROLES } from '../../common/auth/roles.js';

/** Later statuses never give way to earlier ones arriving late (callbacks come in any order). */
const RANK: Record<DeliveryStatus, number> = { QUEUED: 0, SENT: 1, DELIVERED: 2, READ: 3, FAILED: 4 };

/** The only place the channels feature touches Prisma. */
@Injectable()
export class ChannelsRepository {
  constructor(private readonly prisma: PrismaService) {}

  recipient(userId: string) {
    return this.prisma.user.findUnique({
      where: { id: userId },
      select: {
        id: true,
        email: true,
        phone: true,
        preferredLanguage: true,
        disabledAt: true,
        memberships: { select: { organisation: { select: { networkId: true } } }, orderBy: { createdAt: 'asc' }, take: 1 },
        networkRoles: { select: { networkId: true }, orderBy: { createdAt: 'asc' }, take: 1 },
      },
    });
  }

  async preferences(userId: string): Promise<Map<MessageKind, MessageChannel[]>> {
    const rows = await this.prisma.messageChannelPreference.findMany({ where: { userId } });
    return new Map(rows.map((row) => [row.kind as MessageKind, row.channels as MessageChannel[]]));
  }

  /** Replaces the person's choices for the given kinds in one transaction. */
  async savePreferences(userId: string, preferences: { kind: MessageKind; channels: MessageChannel[] }[]): Promise<void> {
    await this.prisma.$transaction(
      preferences.map((p) =>
        this.prisma.messageChannelPreference.upsert({
          where: { userId_kind: { userId, kind: p.kind } },
          create: { userId, kind: p.kind, channels: p.channels },
          update: { channels: p.channels },
        }),
      ),
    );
  }

  /** The message for this reason, created on first sight (a job run twice finds the first). */
  async message(input: { reason: string; userId: string; kind: MessageKind; networkId: string | null; payload: object | null }) {
    return this.prisma.outboundMessage.upsert({
      where: { reason: input.reason },
      create: {
        reason: input.reason,
        userId: input.userId,
        kind: input.kind,
        networkId: input.networkId,
        payload: input.payload === null ? Prisma.DbNull : (input.payload as Prisma.InputJsonValue),
      },
      update: {},
      include: { deliveries: true },
    });
  }

  /** Claims the channel for this message; null when another run already has. */
  async startDelivery(input: { messageId: string; channel: MessageChannel; provider: string; recipient: string; units: number }) {
    try {
      return await this.prisma.messageDelivery.create({ data: { ...input, status: 'QUEUED' } });
    } catch (error) {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') return null;
      throw error;
    }
  }

  deliverySent(id: string, providerMessageId: string | null) {
    return this.prisma.messageDelivery.update({ where: { id }, data: { status: 'SENT', providerMessageId } });
  }

  deliveryFailed(id: string, errorCode: string, units = 0) {
    return this.prisma.messageDelivery.update({ where: { id }, data: { status: 'FAILED', errorCode, units } });
  }

  /** Once a message has reached someone its texts (links, codes) need not be kept. */
  forgetPayload(messageId: string) {
    return this.prisma.outboundMessage.update({ where: { id: messageId }, data: { payload: Prisma.DbNull } });
  }

  /**
   * Records a verified callback and moves the delivery forward (never backwards). Answers the
   * delivery when this callback is the one that failed it, so the caller can fall back.
   */
  /** `onFailed` runs in the same transaction when this update fails a delivery (the fallback's job). */
  async recordStatus(provider: string, update: StatusUpdate, onFailed: AlsoInTransaction<{ channel: string; message: { payload: Prisma.JsonValue } }> = nothingElse) {
    return this.prisma.$transaction(async (tx) => {
      const [delivery] = await tx.$queryRaw<{ id: string; status: DeliveryStatus }[]>`
        SELECT "id", "status"::text AS "status" FROM "MessageDelivery"
        WHERE "provider" = ${provider} AND "providerMessageId" = ${update.providerMessageId}
        FOR UPDATE`;
      if (!delivery) return { recorded: false as const };
      await tx.messageDeliveryEvent.create({
        data: { deliveryId: delivery.id, status: update.status, providerStatus: update.providerStatus, errorCode: update.errorCode ?? null },
      });
      if (delivery.status === 'FAILED' || RANK[update.status] <= RANK[delivery.status]) return { recorded: true as const };
      const row = await tx.messageDelivery.update({
        where: { id: delivery.id },
        data: { status: update.status, ...(update.status === 'FAILED' ? { errorCode: update.errorCode ?? 'FAILED' } : {}) },
        include: { message: true },
      });
      if (update.status === 'FAILED') await onFailed(tx, row);
      return { recorded: true as const, failed: update.status === 'FAILED' ? row : undefined, delivered: update.status !== 'FAILED' ? row : undefined };
    });
  }

  /**
   * Takes `units` from the network's budget for this month unless that would pass `limit`.
   * One statement, so concurrent senders can never overdraw it together.
   */
  async reserveBudget(networkId: string, month: string, units: number, limit: number): Promise<number | null> {
    if (units > limit) return null;
    const rows = await this.prisma.$queryRaw<{ used: number }[]>`
      INSERT INTO "MessageBudget" ("networkId", "month", "used") VALUES (${networkId}::uuid, ${month}, ${units})
      ON CONFLICT ("networkId", "month") DO UPDATE SET "used" = "MessageBudget"."used" + EXCLUDED."used"
      WHERE "MessageBudget"."used" + EXCLUDED."used" <= ${limit}
      RETURNING "used"`;
    return rows[0]?.used ?? null;
  }

  /** Gives back what a refused or unanswered message had taken. */
  async refundBudget(networkId: string, month: string, units: number): Promise<void> {
    await this.prisma.$executeRaw`
      UPDATE "MessageBudget" SET "used" = GREATEST(0, "used" - ${units}) WHERE "networkId" = ${networkId}::uuid AND "month" = ${month}`;
  }

  /** Claims the alert once per month; `also` (its mails) commits with the claim or not at all. */
  async claimAlert(networkId: string, month: string, alert: 'nearly' | 'exhausted', also: AlsoInTransaction = nothingElse): Promise<boolean> {
    const column = alert === 'nearly' ? Prisma.sql`"nearlyAlertedAt"` : Prisma.sql`"exhaustedAlertedAt"`;
    return this.prisma.$transaction(async (tx) => {
      const claimed = await tx.$executeRaw`
        UPDATE "MessageBudget" SET ${column} = now() WHERE "networkId" = ${networkId}::uuid AND "month" = ${month} AND ${column} IS NULL`;
      // A network whose very first message is refused has no row yet.
      const created = claimed > 0 ? 0 : await tx.$executeRaw`
        INSERT INTO "MessageBudget" ("networkId", "month", "used", ${column}) VALUES (${networkId}::uuid, ${month}, 0, now())
        ON CONFLICT DO NOTHING`;
      if (claimed + created === 0) return false;
      await also(tx);
      return true;
    });
  }

  coordinators(networkId: string, db: Prisma.TransactionClient = this.prisma) {
    return db.user.findMany({
      where: { disabledAt: null, networkRoles: { some: { networkId, role: { in: COORDINATOR_ROLES } } } },
      select: { id: true, email: true, name: true, preferredLanguage: true },
      orderBy: { createdAt: 'asc' },
    });
  }

  network(networkId: string, db: Prisma.TransactionClient = this.prisma) {
    return db.network.findUnique({ where: { id: networkId }, select: { id: true, name: true } });
  }

  /** The network's own monthly limit, or null when the platform default applies. */
  budgetLimit(networkId: string) {
    return this.prisma.messageBudgetLimit.findUnique({ where: { networkId } });
  }

  saveBudgetLimit(networkId: string, monthlyLimit: number, updatedById: string) {
    return this.prisma.messageBudgetLimit.upsert({
      where: { networkId },
      create: { networkId, monthlyLimit, updatedById },
      update: { monthlyLimit, updatedById },
    });
  }

  async clearBudgetLimit(networkId: string): Promise<void> {
    await this.prisma.messageBudgetLimit.deleteMany({ where: { networkId } });
  }

  /** What the network used in this month (0 before its first message). */
  async budgetUsed(networkId: string, month: string): Promise<number> {
    const row = await this.prisma.messageBudget.findUnique({ where: { networkId_month: { networkId, month } }, select: { used: true } });
    return row?.used ?? 0;
  }
}
