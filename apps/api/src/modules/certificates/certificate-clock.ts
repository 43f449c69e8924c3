import { Injectable } from '@nestjs/common';

/** The time expiry reminders reason with; tests set it. */
@Injectable()
export class CertificateClock {
  now(): Date {
    return new Date();
  }
}
