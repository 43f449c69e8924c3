import { Global, Module } from '@nestjs/common';
import { MailService } from './mail.service.js';
import { MailProcessor } from './mail.processor.js';

@Global()
@Module({ providers: [MailService, MailProcessor], exports: [MailService] })
export class MailModule {}
