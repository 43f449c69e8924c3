import { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { progressStateOf, type Completions, type CompletionsQuery, type NetworkProgress, type PathProgress, type ProgressCounts, type ProgressPage, type ProgressQuery, type ProgressRow } from '@tadamon/shared';
import { AccessPolicy } from '../../common/auth/access.policy.js';
import type { Actor } from '../../common/auth/actor.js';
import { CourseProgressClock } from './course-progress-clock.js';
import { CourseProgressRepository } from './course-progress.repository.js';
import { localisedText } from '../../common/i18n/localised-text.js';
import { CSV_BOM, csvDate, csvLine, csvTexts } from './progress-csv.js';
import { ProgressReportsRepository, type EnrolmentRow, type ReportFilter } from './progress-reports.repository.js';

const CSV_BATCH = 1000;

export function rowOut(row: EnrolmentRow, language: string, fallback: readonly string[], now: Date): ProgressRow {
  const status = progressStateOf(row);
  const percent = status === 'COMPLETED' ? 100 : row.totalLessons > 0 ? Math.min(100, Math.floor((row.completedLessons * 100) / row.totalLessons)) : 0;
  return {
    enrolmentId: row.enrolmentId,
    userId: row.userId,
    name: row.name,
    courseId: row.courseId,
    courseTitle: localisedText(row.courseTitles, language, fallback),
    status,
    source: row.source,
    progressPercent: percent,
    completedLessons: row.completedLessons,
    totalLessons: row.totalLessons,
    dueAt: row.dueAt?.toISOString() ?? null,
    overdue: row.status === 'ACTIVE' && !!row.dueAt && row.dueAt < now,
    completedAt: row.completedAt?.toISOString() ?? null,
    lastActivityAt: row.lastActivityAt?.toISOString() ?? null,
  };
}

/**
 * Leaders follow their organisation, coordinators their network (and drill down into any of
 * its organisations). Scope comes from AccessPolicy before any query: another organisation
 * answers 403, another network 404.
 */
@Injectable()
export class ProgressReportsService {
  constructor(
    private readonly reports: ProgressReportsRepository,
    private readonly repository: CourseProgressRepository,
    private readonly access: AccessPolicy,
    private readonly clock: CourseProgressClock,
  ) {}

  private async organisationInScope(actor: Actor, organisationId: string) {
    await this.access.requireOrganisationAccess(actor, 'courses.progress', [organisationId]);
    return (await this.repository.organisation(organisationId))!;
  }

  async organisationPage(actor: Actor, organisationId: string, query: ProgressQuery): Promise<ProgressPage> {
    const organisation = await this.organisationInScope(actor, organisationId);
    const now = this.clock.now();
    const filter: ReportFilter = { organisationId, courseId: query.courseId, status: query.status, q: query.q };
    const offset = (query.page - 1) * query.pageSize;
    const fallback = organisation.network.fallbackLanguages;
    const [rows, { total, ...counts }, courses] = await Promise.all([
      this.reports.rows(filter, now, offset, query.pageSize),
      this.reports.counts(filter, now),
      this.reports.courses({ organisationId }),
    ]);
    return {
      organisation: { id: organisation.id, name: organisation.name, country: organisation.country },
      counts: countsOut(counts),
      total,
      page: query.page,
      pageSize: query.pageSize,
      items: rows.map((r) => rowOut(r, actor.preferredLanguage, fallback, now)),
      courses: courses.map((c) => ({ id: c.id, title: localisedText(c.titles, actor.preferredLanguage, fallback) })),
    };
  }

  async pathProgress(actor: Actor, organisationId: string): Promise<PathProgress> {
    const organisation = await this.organisationInScope(actor, organisationId);
    const rows = await this.reports.pathProgress(organisation);
    const byPath = new Map<string, PathProgress['items'][number]>();
    for (const row of rows) {
      const entry = byPath.get(row.pathId) ?? {
        pathId: row.pathId,
        title: localisedText(row.titles, actor.preferredLanguage, organisation.network.fallbackLanguages),
        totalCourses: row.totalCourses,
        members: [],
      };
      if (row.userId) entry.members.push({ userId: row.userId, name: row.name ?? '', completedCourses: row.completedCourses, enrolledCourses: row.enrolledCourses });
      byPath.set(row.pathId, entry);
    }
    return { items: [...byPath.values()] };
  }

  /**
   * The organisation's table as CSV, streamed in batches so a big export never sits in memory.
   * The first batch is read before the answer starts: a request the database refuses answers a
   * JSON error, never a 200 cut short (nor, compressed, a 500 labelled gzip).
   */
  async organisationCsv(actor: Actor, organisationId: string, query: Omit<ReportFilter, 'organisationId'> & { language?: string }) {
    const organisation = await this.organisationInScope(actor, organisationId);
    const language = query.language ?? actor.preferredLanguage;
    const t = csvTexts(language);
    const fallback = organisation.network.fallbackLanguages;
    const now = this.clock.now();
    const filter: ReportFilter = { organisationId, courseId: query.courseId, status: query.status, q: query.q };
    const reports = this.reports;
    const zone = actor.timeZone;
    const firstBatch = await reports.rows(filter, now, 0, CSV_BATCH);
    async function* lines() {
      const h = t.member;
      yield CSV_BOM + csvLine([h.name, h.organisation, h.course, h.status, h.progress, h.dueAt, h.overdue, h.completedAt, h.lastActivity]);
      for (let offset = 0, batch = firstBatch; ; offset += CSV_BATCH, batch = await reports.rows(filter, now, offset, CSV_BATCH)) {
        let chunk = '';
        for (const raw of batch) {
          const row = rowOut(raw, language, fallback, now);
          chunk += csvLine([
            row.name,
            raw.organisationName,
            row.courseTitle,
            t.status[row.status],
            row.progressPercent,
            csvDate(row.dueAt, zone),
            row.overdue ? t.yes : t.no,
            csvDate(row.completedAt, zone),
            csvDate(row.lastActivityAt, zone),
          ]);
        }
        if (chunk) yield chunk;
        if (batch.length < CSV_BATCH) return;
      }
    }
    return { stream: Readable.from(lines()), filename: `progress-${slug(organisation.name)}.csv` };
  }

  async networkProgress(actor: Actor, networkId: string, by: 'organisation' | 'country', courseId?: string): Promise<NetworkProgress> {
    await this.access.requireNetworkAccess(actor, 'courses.progress', networkId);
    const now = this.clock.now();
    const [rows, courses, fallback] = await Promise.all([
      this.reports.networkCounts(networkId, by, courseId, now),
      this.reports.courses({ networkId }),
      this.fallbackOf(networkId),
    ]);
    const totals = rows.reduce<ProgressCounts>(
      (sum, r) => ({
        enrolled: sum.enrolled + r.enrolled,
        notStarted: sum.notStarted + r.notStarted,
        inProgress: sum.inProgress + r.inProgress,
        completed: sum.completed + r.completed,
        overdue: sum.overdue + r.overdue,
      }),
      { enrolled: 0, notStarted: 0, inProgress: 0, completed: 0, overdue: 0 },
    );
    return {
      by,
      totals,
      items: rows.map((r) => ({ key: r.key, name: r.name, country: r.country, organisations: r.organisations, ...countsOut(r) })),
      courses: courses.map((c) => ({ id: c.id, title: localisedText(c.titles, actor.preferredLanguage, fallback) })),
    };
  }

  async networkCsv(actor: Actor, networkId: string, by: 'organisation' | 'country', courseId?: string, language?: string) {
    const report = await this.networkProgress(actor, networkId, by, courseId);
    const t = csvTexts(language ?? actor.preferredLanguage);
    const h = t.network;
    const head = by === 'organisation' ? [h.organisation, h.country] : [h.country, h.organisations];
    let text = CSV_BOM + csvLine([...head, h.enrolled, h.notStarted, h.inProgress, h.completed, h.overdue]);
    for (const r of report.items) {
      const first = by === 'organisation' ? [r.name, r.country] : [r.country, r.organisations];
      text += csvLine([...first, r.enrolled, r.notStarted, r.inProgress, r.completed, r.overdue]);
    }
    return { stream: Readable.from([text]), filename: `progress-by-${by}.csv` };
  }

  async organisationCompletions(actor: Actor, organisationId: string, query: CompletionsQuery): Promise<Completions> {
    await this.organisationInScope(actor, organisationId);
    return this.completions({ organisationId, courseId: query.courseId }, query);
  }

  async networkCompletions(actor: Actor, networkId: string, query: CompletionsQuery): Promise<Completions> {
    await this.access.requireNetworkAccess(actor, 'courses.progress', networkId);
    return this.completions({ networkId, courseId: query.courseId }, query);
  }

  private async completions(filter: { organisationId?: string; networkId?: string; courseId?: string }, query: CompletionsQuery): Promise<Completions> {
    const starts = periodStarts(this.clock.now(), query.interval, query.periods);
    const found = await this.reports.completions(filter, query.interval, new Date(`${starts[0]}T00:00:00Z`));
    const byStart = new Map(found.map((r) => [r.start, r.completions]));
    return { interval: query.interval, items: starts.map((start) => ({ start, completions: byStart.get(start) ?? 0 })) };
  }

  private async fallbackOf(networkId: string): Promise<string[]> {
    return this.repository.networkFallback(networkId);
  }
}

const countsOut = (c: ProgressCounts): ProgressCounts => ({
  enrolled: c.enrolled,
  notStarted: c.notStarted,
  inProgress: c.inProgress,
  completed: c.completed,
  overdue: c.overdue,
});

const slug = (name: string) =>
  name
    .normalize('NFKD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .replace(/\s+/g, '-')
    .toLowerCase()
    .slice(0, 60) || 'organisation';

/** The first day (YYYY-MM-DD, UTC) of each of the last `periods` weeks (ISO, Monday) or months, oldest first. */
export function periodStarts(now: Date, interval: 'week' | 'month', periods: number): string[] {
  const starts: string[] = [];
  const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  if (interval === 'week') {
    const monday = new Date(day.getTime() - ((day.getUTCDay() + 6) % 7) * 86_400_000);
    for (let i = periods - 1; i >= 0; i--) starts.push(new Date(monday.getTime() - i * 7 * 86_400_000).toISOString().slice(0, 10));
  } else {
    for (let i = periods - 1; i >= 0; i--) starts.push(new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth() - i, 1)).toISOString().slice(0, 10));
  }
  return starts;
}
