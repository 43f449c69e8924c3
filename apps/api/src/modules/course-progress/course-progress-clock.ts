import { Injectable } from '@nestjs/common';

/**
 * The time assignments and reports reason with (overdue, reminder delays). One injectable
 * source, so tests can stand at chosen moments instead of waiting for the real clock.
 */
@Injectable()
export class CourseProgressClock {
  now(): Date {
    return new Date();
  }
}
