import { SimpleGrid } from '@mantine/core';
import type { Session } from '../../../lib/session';
import { MeetingsThisWeekCard } from './meetings-this-week-card';
import { MyCertificatesCard } from './my-certificates-card';
import { MyLearningCard } from './my-learning-card';

/** My learning, my certificates and this week's meetings, each for those whose role uses it. */
export function HomeOverview({ session }: { session: Session }) {
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      {session.permissions.includes('courses.learn') ? <MyLearningCard /> : null}
      <MyCertificatesCard />
      {session.permissions.includes('meetings.read') ? <MeetingsThisWeekCard /> : null}
    </SimpleGrid>
  );
}
