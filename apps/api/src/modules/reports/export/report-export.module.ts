import { Module } from '@nestjs/common';
import { DashboardModule } from '../dashboard/dashboard.module.js';
import { ReportExportController } from './report-export.controller.js';
import { ReportExportService } from './report-export.service.js';

/** CSV and PDF of the dashboard (issue 19). */
@Module({
  imports: [DashboardModule],
  controllers: [ReportExportController],
  providers: [ReportExportService],
})
export class ReportExportModule {}
