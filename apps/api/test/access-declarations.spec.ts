import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import { DiscoveryService, MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import { PERMISSIONS } from '@tadamon/shared';
import { ACCESS_KEY, SECOND_FACTOR_STEP_KEY, type AccessRule } from '../src/common/auth/access.decorators.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { PUBLIC_VERIFY_PATH } from '../src/modules/certificates/public-verify.route.js';
import { CHANNEL_CALLBACK_PATH } from '../src/modules/channels/channel-callbacks.route.js';

/**
 * Every HTTP route must say who may call it. The session guard already refuses an undeclared
 * route at run time; this test makes the omission fail CI before anyone meets that 403.
 */
interface Route {
  method: string;
  path: string;
  rule: AccessRule | undefined;
  secondFactorStep: boolean;
}

let t: TestApp;
let routes: Route[];

const join = (...parts: string[]) =>
  `/${parts.flatMap((p) => p.split('/')).filter(Boolean).join('/')}`;

function nestRoutes(app: TestApp['app']): Route[] {
  const discovery = new DiscoveryService(app.get(ModulesContainer));
  const reflector = new Reflector();
  const scanner = new MetadataScanner();
  const found: Route[] = [];
  for (const wrapper of discovery.getControllers()) {
    const controller = wrapper.metatype as (new (...args: never[]) => unknown) | undefined;
    if (!controller || !wrapper.instance) continue;
    const prototype = Object.getPrototypeOf(wrapper.instance) as Record<string, unknown>;
    const controllerPaths = [Reflect.getMetadata(PATH_METADATA, controller) ?? ''].flat() as string[];
    for (const name of scanner.getAllMethodNames(prototype)) {
      const handler = prototype[name] as (...args: unknown[]) => unknown;
      const methodPath = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
      if (methodPath === undefined) continue; // a helper method, not a route
      const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
      const rule = reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_KEY, [handler, controller]);
      const secondFactorStep = Boolean(reflector.getAllAndOverride<boolean | undefined>(SECOND_FACTOR_STEP_KEY, [handler, controller]));
      for (const base of controllerPaths) {
        for (const path of [methodPath].flat()) found.push({ method, path: join('api', base, path), rule, secondFactorStep });
      }
    }
  }
  return found;
}

/** Every method + path Fastify serves, read from its route tree (HEAD mirrors GET). */
function fastifyRoutes(tree: string): string[] {
  const stack: string[] = [];
  const found: string[] = [];
  for (const line of tree.split('\n')) {
    const match = /^([│ ]*)(?:├── |└── )(.*?)(?: \(([^)]*)\))?$/.exec(line);
    if (!match) continue;
    stack.length = match[1]!.length / 4;
    stack.push(match[2]!);
    for (const method of match[3]?.split(', ') ?? []) {
      if (method !== 'HEAD') found.push(`${method} ${stack.join('')}`);
    }
  }
  return found;
}

// Served by @nestjs/swagger straight on Fastify, public by design (the API's own description).
const DOCUMENTATION = /^GET \/api\/(docs\b|openapi\.json$)/;
// Served by Fastify directly for speed, public by design, rate-limited (public-verify.route.ts).
// Provider status callbacks: raw bodies for the signature check, trusted only once it matches
// (channel-callbacks.route.ts, channel-callbacks.e2e.spec.ts).
const FAST_PUBLIC = new Set([`GET ${PUBLIC_VERIFY_PATH}`, `POST ${CHANNEL_CALLBACK_PATH}`, `GET ${CHANNEL_CALLBACK_PATH}`]);

beforeAll(async () => {
  t = await startTestApp();
  routes = nestRoutes(t.app);
});
afterAll(async () => {
  await t?.close();
});

describe('access declarations', () => {
  it('finds the application’s routes (the walk itself works)', () => {
    const names = routes.map((r) => `${r.method} ${r.path}`);
    expect(names).toEqual(
      expect.arrayContaining(['GET /api/auth/session', 'GET /api/directory', 'DELETE /api/organisations/:id/members/:membershipId']),
    );
    // Each discovered route is one Fastify really serves, so paths are computed correctly.
    const fastify = t.app.getHttpAdapter().getInstance();
    for (const route of routes) {
      expect(fastify.hasRoute({ method: route.method as 'GET', url: route.path }), `${route.method} ${route.path}`).toBe(true);
    }
  });

  it('has no route that bypasses Nest (and so the session guard)', () => {
    const tree = t.app.getHttpAdapter().getInstance().printRoutes({ commonPrefix: false });
    const declared = new Set(routes.map((r) => `${r.method} ${r.path}`));
    const served = fastifyRoutes(tree);
    expect(served.length).toBeGreaterThan(routes.length / 2);
    expect(served.filter((r) => !declared.has(r) && !DOCUMENTATION.test(r) && !FAST_PUBLIC.has(r))).toEqual([]);
  });

  it('gives every route an access rule', () => {
    const undeclared = routes.filter((r) => !r.rule).map((r) => `${r.method} ${r.path}`);
    expect(undeclared, 'routes without @Public/@SignedIn/@RequirePermission').toEqual([]);
  });

  it('uses only rules and permissions that exist', () => {
    for (const { method, path, rule } of routes) {
      const where = `${method} ${path}`;
      expect(['public', 'signedIn', 'permission'], where).toContain(rule?.kind);
      if (rule?.kind === 'permission') expect(PERMISSIONS, where).toContain(rule.permission);
    }
  });

  it('keeps state-changing routes behind a sign-in, except the few meant for visitors', () => {
    const publicWrites = routes
      // OPTIONS changes nothing (HTTP safe method): the tus discovery answer is public.
      .filter((r) => r.rule?.kind === 'public' && r.method !== 'GET' && r.method !== 'OPTIONS')
      .map((r) => `${r.method} ${r.path}`)
      .sort();
    // Visitors must be able to sign in, reset a password and answer an invitation; a new
    // entry here is a deliberate decision and belongs in this list.
    const allowed = [
      'POST /api/auth/password-reset/confirm',
      'POST /api/auth/password-reset/request',
      'POST /api/auth/password-reset/sms/confirm',
      'POST /api/auth/password-reset/sms/request',
      'POST /api/auth/setup-code/preview',
      'POST /api/auth/setup-code/redeem',
      'POST /api/auth/sign-in',
      'POST /api/invitations/accept',
      'POST /api/invitations/preview',
    ];
    expect(publicWrites.filter((r) => !allowed.includes(r))).toEqual([]);
  });

  it('opens only the second-factor routes to a session that still owes its second factor', () => {
    const open = routes.filter((r) => r.secondFactorStep).map((r) => `${r.method} ${r.path}`).sort();
    expect(open).toEqual([
      'GET /api/auth/session',
      'POST /api/auth/second-factor/verify',
      'POST /api/auth/sign-out',
      'POST /api/auth/totp/enrolment',
      'POST /api/auth/totp/enrolment/confirm',
    ]);
  });
});
