import { Injectable, type OnModuleInit } from '@nestjs/common';
import { JobHandlerRegistry } from '../../common/jobs/job-handler.registry.js';
import { MessageDispatcher } from './message-dispatcher.js';

/** Handles `messages.send`: services enqueue messages, never send them inline. */
@Injectable()
export class ChannelsProcessor implements OnModuleInit {
  constructor(
    private readonly registry: JobHandlerRegistry,
    private readonly dispatcher: MessageDispatcher,
  ) {}

  onModuleInit(): void {
    this.registry.register('messages.send', (payload) => this.dispatcher.deliver(payload));
  }
}
