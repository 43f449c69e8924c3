import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import { ZodSerializerInterceptor, ZodValidationPipe } from 'nestjs-zod';
import type { AppConfig } from '../common/config/config.js';
import { ConfigModule } from '../common/config/config.module.js';
import { DatabaseModule } from '../common/database/database.module.js';
import { JobsModule } from '../common/jobs/jobs.module.js';
import { MailModule } from '../common/mail/mail.module.js';
import { AccessModule } from '../common/auth/access.module.js';
import { ErrorFilter } from '../common/errors/error.filter.js';
import { loggerOptions } from '../common/logging/logger-options.js';
import { featureModules } from './feature-modules.js';

export interface AppModuleOptions {
  config: AppConfig;
  databaseUrl: string;
  /** This process consumes BullMQ jobs (worker entry; API with RUN_WORKER_IN_API). */
  consumeJobs: boolean;
  /** Redis key prefix for BullMQ and rate limits (tests isolate each file). */
  redisPrefix?: string;
}

@Module({})
export class AppModule {
  static forRoot(options: AppModuleOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forConfig(options.config, options.redisPrefix),
        LoggerModule.forRoot(loggerOptions(options.config)),
        DatabaseModule.forUrl(options.databaseUrl),
        JobsModule.forRoot({ consume: options.consumeJobs, redisPrefix: options.redisPrefix }),
        MailModule,
        AccessModule,
        ...featureModules,
      ],
      providers: [
        { provide: APP_PIPE, useClass: ZodValidationPipe },
        // Responses are checked against their @ZodResponse schema: nothing undeclared leaks out.
        { provide: APP_INTERCEPTOR, useClass: ZodSerializerInterceptor },
        { provide: APP_FILTER, useClass: ErrorFilter },
      ],
    };
  }
}
