import { Module } from '@nestjs/common';
import { DashboardModule } from './dashboard/dashboard.module.js';
import { ReportExportModule } from './export/report-export.module.js';
import { DemographicsModule } from './demographics/demographics.module.js';
import { TargetsModule } from './targets/targets.module.js';

/**
 * Network reports (issue 19), one sub-folder per part:
 * - demographics/ one's own self-declared gender and age band, with consent (never read by others)
 * - targets/      the network's targets, set by its coordinators
 * - dashboard/, export/: the aggregated figures and their CSV/PDF export
 */
@Module({
  imports: [DemographicsModule, TargetsModule, DashboardModule, ReportExportModule],
})
export class ReportsModule {}
