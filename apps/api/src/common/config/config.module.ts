import { Global, Module, type DynamicModule } from '@nestjs/common';
import { APP_CONFIG, REDIS_KEY_PREFIX, type AppConfig } from './config.js';

@Global()
@Module({})
export class ConfigModule {
  /** `redisPrefix` keeps each test file's Redis keys apart; deployments use the default. */
  static forConfig(config: AppConfig, redisPrefix = 'tadamon'): DynamicModule {
    return {
      module: ConfigModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: REDIS_KEY_PREFIX, useValue: redisPrefix },
      ],
      exports: [APP_CONFIG, REDIS_KEY_PREFIX],
    };
  }
}
