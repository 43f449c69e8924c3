import { Injectable, type OnModuleInit } from '@nestjs/common';
import { JobHandlerRegistry } from '../jobs/job-handler.registry.js';
import { MailService } from './mail.service.js';

/** Handles `mail.send` jobs. Services never send mail inline: they enqueue it. */
@Injectable()
export class MailProcessor implements OnModuleInit {
  constructor(
    private readonly registry: JobHandlerRegistry,
    private readonly mail: MailService,
  ) {}

  onModuleInit(): void {
    this.registry.register('mail.send', async ({ to, subject, text, html, attachments }) => {
      await this.mail.send({ to, subject, text, html, attachments });
    });
  }
}
