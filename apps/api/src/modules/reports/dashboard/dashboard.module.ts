import { Module } from '@nestjs/common';
import { DashboardController } from './dashboard.controller.js';
import { DashboardRepository } from './dashboard.repository.js';
import { DashboardService } from './dashboard.service.js';
import { TargetProgressRepository } from './target-progress.repository.js';

/** What the training achieved, for a network or an organisation (issue 19). Exported for the CSV and PDF exports. */
@Module({
  controllers: [DashboardController],
  providers: [DashboardRepository, TargetProgressRepository, DashboardService],
  exports: [DashboardService],
})
export class DashboardModule {}
