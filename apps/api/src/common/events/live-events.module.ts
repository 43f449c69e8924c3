import { Inject, Module, type OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { InProcessLiveEvents, LiveEvents, RedisLiveEvents } from './live-events.js';

/** Live change events for open browser streams (server-sent events). */
@Module({
  providers: [
    {
      provide: LiveEvents,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => (config.REDIS_URL ? new RedisLiveEvents(config.REDIS_URL) : new InProcessLiveEvents()),
    },
  ],
  exports: [LiveEvents],
})
export class LiveEventsModule implements OnModuleDestroy {
  constructor(@Inject(LiveEvents) private readonly events: LiveEvents) {}

  async onModuleDestroy() {
    await this.events.close();
  }
}
