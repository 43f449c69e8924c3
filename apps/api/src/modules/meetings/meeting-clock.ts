import { Injectable } from '@nestjs/common';

/**
 * The time meetings reason with (deadlines, reminder delays). One injectable source, so the
 * rules can be exercised at chosen moments without waiting for the real clock.
 */
@Injectable()
export class MeetingClock {
  now(): Date {
    return new Date();
  }
}
