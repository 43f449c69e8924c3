import request from 'supertest';
import type { Server } from 'node:http';
import type { PrismaService } from '../../src/common/database/prisma.service.js';
import { passSecondFactorForTests } from './second-factor.js';

type Method = 'get' | 'post' | 'patch' | 'put' | 'delete';

/**
 * Talks to the API the way the SPA does: keeps cookies, fetches a CSRF token before its
 * first state-changing request, and uses the session's token after sign-in.
 */
export class TestClient {
  readonly agent: request.Agent;
  csrfToken?: string;

  /** With `prisma`, signIn also passes a second factor the person owes (coordinators, admins). */
  constructor(
    server: Server,
    private readonly prisma?: PrismaService,
  ) {
    this.agent = request.agent(server);
  }

  get(path: string) {
    return this.agent.get(path);
  }
  post(path: string, body?: object) {
    return this.send('post', path, body);
  }
  patch(path: string, body?: object) {
    return this.send('patch', path, body);
  }
  put(path: string, body?: object) {
    return this.send('put', path, body);
  }
  delete(path: string) {
    return this.send('delete', path);
  }

  async send(method: Method, path: string, body?: object) {
    if (!this.csrfToken) {
      const answer = await this.agent.get('/api/auth/csrf');
      this.csrfToken = answer.body.csrfToken;
    }
    const req = this.agent[method](path).set('x-csrf-token', this.csrfToken!);
    const response = body === undefined ? await req : await req.send(body);
    // After sign-in (or accepting an invitation) the session's own token takes over.
    if (response.body?.csrfToken && response.body?.user) this.csrfToken = response.body.csrfToken;
    return response;
  }

  async signIn(email: string, password: string) {
    const response = await this.post('/api/auth/sign-in', { email, password });
    if (response.status !== 200) {
      throw new Error(`Sign-in as ${email} failed: ${response.status} ${JSON.stringify(response.body)}`);
    }
    if (response.body.secondFactor && this.prisma) {
      await passSecondFactorForTests(this.prisma, response.body.user.id);
      return (await this.get('/api/auth/session')).body;
    }
    return response.body;
  }
}
