import { Module } from '@nestjs/common';
import { TargetsController } from './targets.controller.js';
import { TargetsRepository } from './targets.repository.js';
import { TargetsService } from './targets.service.js';

/** Targets a coordinator sets for their network (issue 19). */
@Module({
  controllers: [TargetsController],
  providers: [TargetsService, TargetsRepository],
  // The dashboard reads targets to show progress against them.
  exports: [TargetsService],
})
export class TargetsModule {}
