import type { CourseVersionTree } from '@tadamon/shared';
import { expect } from 'vitest';
import type { TestApp } from './support/test-app.js';
import { TEST_PASSWORD } from './support/factories.js';
import type { TestClient } from './support/test-client.js';

/**
 * Helpers for the course-authoring tests: an editor's client that remembers the course's
 * revision from each answer and sends it back in If-Match, the way the SPA does.
 */
export class Author {
  revision = 0;
  tree?: CourseVersionTree;

  constructor(readonly client: TestClient) {}

  static async signIn(t: TestApp, user: { email: string }) {
    const client = t.client();
    await client.signIn(user.email, TEST_PASSWORD);
    return new Author(client);
  }

  get(path: string) {
    return this.client.get(`/api/course-authoring${path}`);
  }

  /** A change with If-Match: the revision last seen unless `revision` is given. */
  async send(method: 'post' | 'patch' | 'put' | 'delete', path: string, body?: object, revision = this.revision) {
    const request = this.client.agent[method](`/api/course-authoring${path}`)
      .set('x-csrf-token', this.client.csrfToken!)
      .set('if-match', `"${revision}"`);
    const response = body === undefined ? await request : await request.send(body);
    this.remember(response.body);
    return response;
  }

  remember(body: unknown) {
    const tree = body as CourseVersionTree | undefined;
    if (tree?.course?.revision) {
      this.revision = tree.course.revision;
      this.tree = tree;
    }
  }

  /** Creates a course in `language` with title `title` and answers its first draft's tree. */
  async createCourse(fields: Record<string, unknown>) {
    const response = await this.client.post('/api/course-authoring/courses', {
      standardTopic: 'FIRST_AID',
      audience: 'VOLUNTEERS',
      enrolmentPolicy: 'NETWORK',
      language: 'en',
      title: 'First aid basics',
      summary: 'What to do first',
      ...fields,
    });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    this.remember(response.body);
    return response.body as CourseVersionTree;
  }

  async ok(method: 'post' | 'patch' | 'put' | 'delete', path: string, body?: object, status = method === 'post' ? 201 : 200) {
    const response = await this.send(method, path, body);
    expect(response.status, JSON.stringify(response.body)).toBe(status);
    return response.body as CourseVersionTree;
  }
}

export const singleChoice = (correct = 'b') => ({
  type: 'SINGLE_CHOICE',
  prompts: { en: 'Which number should you call?' },
  options: [
    { id: 'a', texts: { en: '112 later' }, correct: correct === 'a', feedback: { en: 'Not later.' } },
    { id: 'b', texts: { en: '112 now' }, correct: correct === 'b' },
  ],
});

/** Field error codes of a 400 answer, keyed by field. */
export function fieldCodes(body: { details?: { fields?: Record<string, { code: string; message: string }[]> } }) {
  const out: Record<string, string[]> = {};
  for (const [field, issues] of Object.entries(body.details?.fields ?? {})) {
    out[field] = issues.map((issue) => (issue.code === 'custom' ? issue.message : issue.code));
  }
  return out;
}
