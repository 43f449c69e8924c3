import { Injectable } from '@nestjs/common';

/** "Now" for session timeouts; tests move it to check idle limits without waiting. */
@Injectable()
export class SessionClock {
  now(): number {
    return Date.now();
  }
}
