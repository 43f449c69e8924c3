import type { Client } from 'pg';

export const SESSION_COOKIE: string;
export interface BenchPerson {
  userId: string;
  enrolmentId: string;
  organisationId: string;
  networkId: string;
  lessonId: string;
  quizLessonId: string;
  meetingId: string | null;
  groupId: string | null;
  cookie: string;
  csrf: string;
}
export function signInPeople(db: Client, count: number, cookieName?: string): Promise<{ people: BenchPerson[]; codes: string[] }>;
