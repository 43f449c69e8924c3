import { Injectable } from '@nestjs/common';
import { isLanguage, type Dashboard, type DashboardQuery, type Language } from '@tadamon/shared';
import type { Actor } from '../../../common/auth/actor.js';
import { DashboardService } from '../dashboard/dashboard.service.js';
import { reportCsv } from './report-csv.js';
import { reportPdf } from './report-pdf.js';
import { reportDocument } from './report-sections.js';

export interface ReportFile {
  filename: string;
  content: Buffer;
}

/** The dashboard as CSV or PDF, in the language asked for (the reader's own by default); same access rules, same withheld cells. */
@Injectable()
export class ReportExportService {
  constructor(private readonly dashboard: DashboardService) {}

  async network(actor: Actor, networkId: string, query: DashboardQuery, format: 'csv' | 'pdf'): Promise<ReportFile> {
    return this.file(await this.dashboard.network(actor, networkId, query), this.language(actor, query), format);
  }

  async organisation(actor: Actor, organisationId: string, query: DashboardQuery, format: 'csv' | 'pdf'): Promise<ReportFile> {
    return this.file(await this.dashboard.organisation(actor, organisationId, query), this.language(actor, query), format);
  }

  private language(actor: Actor, query: DashboardQuery): Language {
    return query.language ?? (isLanguage(actor.preferredLanguage) ? actor.preferredLanguage : 'en');
  }

  private async file(dashboard: Dashboard, language: Language, format: 'csv' | 'pdf'): Promise<ReportFile> {
    const report = reportDocument(dashboard, language);
    const filename = `report-${dashboard.period.from}-${dashboard.period.to}.${format}`;
    if (format === 'csv') return { filename, content: Buffer.from(reportCsv(report), 'utf8') };
    return { filename, content: await reportPdf(report, dashboard, language) };
  }
}
