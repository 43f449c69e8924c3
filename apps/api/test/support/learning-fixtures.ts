import { expect } from 'vitest';
import type { TestApp } from './test-app.js';
import type { TestClient } from './test-client.js';
import { TEST_PASSWORD } from './factories.js';

/** Helpers for the learner-side course tests (learning*.e2e.spec.ts). */

export async function signedIn(t: TestApp, email: string): Promise<TestClient> {
  const client = t.client();
  await client.signIn(email, TEST_PASSWORD);
  return client;
}

/** Self-enrols and answers the enrolment id. */
export async function enrol(client: TestClient, courseId: string): Promise<string> {
  const answer = await client.post(`/api/learning/courses/${courseId}/enrolment`);
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body.enrolmentId as string;
}

export const lessonUrl = (enrolmentId: string, lessonId: string) => `/api/learning/enrolments/${enrolmentId}/lessons/${lessonId}`;

export async function progress(client: TestClient, enrolmentId: string, lessonId: string, event: string, positionSeconds?: number) {
  return client.post(`${lessonUrl(enrolmentId, lessonId)}/progress`, { event, ...(positionSeconds !== undefined ? { positionSeconds } : {}) });
}

export async function completeLesson(client: TestClient, enrolmentId: string, lessonId: string) {
  const answer = await progress(client, enrolmentId, lessonId, 'completed');
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body;
}

/** Starts an attempt and answers every question with `answerFor(question)`. */
export async function takeQuiz(
  client: TestClient,
  enrolmentId: string,
  lessonId: string,
  answerFor: (question: { id: string; type: string; prompt: string; options: { id: string; text: string }[] }) => { optionIds?: string[]; text?: string },
) {
  const started = await client.post(`${lessonUrl(enrolmentId, lessonId)}/attempts`);
  expect(started.status, JSON.stringify(started.body)).toBe(201);
  const answers = started.body.questions.map((q: Parameters<typeof answerFor>[0]) => ({ questionId: q.id, ...answerFor(q) }));
  const submitted = await client.post(`/api/learning/enrolments/${enrolmentId}/attempts/${started.body.id}/submission`, { answers });
  return { started, submitted };
}
