import { Injectable } from '@nestjs/common';

/**
 * The time learning rules reason with (quiz retry waits, cohort windows, due dates). One
 * injectable source, like MeetingClock, so tests set the moment instead of waiting.
 */
@Injectable()
export class LearningClock {
  now(): Date {
    return new Date();
  }
}
