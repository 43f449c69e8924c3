import { Module } from '@nestjs/common';

/** One's own self-declared gender and age band (issue 19). */
@Module({})
export class DemographicsModule {}
