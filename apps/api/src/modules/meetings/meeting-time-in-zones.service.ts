import { Injectable } from '@nestjs/common';
import type { MeetingTimeInZones, MeetingTimeInZonesInput } from '@tadamon/shared';
import { instantToLocal, localToInstant } from './meeting-time.js';

/**
 * Converts a meeting's typed times into other zones, for the form to show "10:00 in Tangier is
 * 10:00 in Bamako" before anyone is invited. Nothing is read or stored: it is arithmetic on the
 * server's zone database, which is fresher than an old phone's.
 */
@Injectable()
export class MeetingTimeInZonesService {
  convert(input: MeetingTimeInZonesInput): MeetingTimeInZones {
    const startsAt = localToInstant(input.startLocal, input.timeZone, 'startLocal');
    const endsAt = localToInstant(input.endLocal, input.timeZone, 'endLocal');
    const zones = [...new Set(input.zones)];
    return {
      items: zones.map((timeZone) => ({
        timeZone,
        startLocal: instantToLocal(startsAt, timeZone),
        endLocal: instantToLocal(endsAt, timeZone),
      })),
    };
  }
}
