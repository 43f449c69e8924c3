import { Module } from '@nestjs/common';

/** Targets a coordinator sets for their network (issue 19). */
@Module({})
export class TargetsModule {}
