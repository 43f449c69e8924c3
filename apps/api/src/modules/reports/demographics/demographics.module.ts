import { Module } from '@nestjs/common';
import { DemographicsController } from './demographics.controller.js';
import { DemographicsRepository } from './demographics.repository.js';
import { DemographicsService } from './demographics.service.js';

/** One's own self-declared gender and age band (issue 19). */
@Module({
  controllers: [DemographicsController],
  providers: [DemographicsService, DemographicsRepository],
})
export class DemographicsModule {}
