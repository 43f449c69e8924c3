import { Injectable } from '@nestjs/common';

/** The time accreditation reasons with (validity, reminder delays); tests set it. */
@Injectable()
export class AccreditationClock {
  now(): Date {
    return new Date();
  }
}
