import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import nodemailer, { type Transporter } from 'nodemailer';
import { APP_CONFIG, type AppConfig } from '../config/config.js';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html?: string;
  attachments?: { filename: string; contentType: string; content: string }[];
}

/**
 * Sends e-mail over SMTP (nodemailer). Without SMTP_URL the message is written to the log,
 * so a developer on the embedded default can still follow an invitation link.
 */
@Injectable()
export class MailService implements OnModuleDestroy {
  private readonly logger = new Logger('Mail');
  private readonly transport: Transporter;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.transport = config.SMTP_URL
      ? nodemailer.createTransport(config.SMTP_URL)
      : nodemailer.createTransport({ jsonTransport: true });
  }

  async send(mail: OutgoingMail): Promise<void> {
    await this.transport.sendMail({ from: this.config.MAIL_FROM, ...mail });
    if (!this.config.SMTP_URL) {
      this.logger.log({ to: mail.to, subject: mail.subject, text: mail.text }, 'Mail (no SMTP_URL set)');
    }
  }

  onModuleDestroy(): void {
    this.transport.close();
  }
}
