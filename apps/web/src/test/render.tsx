import type { ReactElement } from 'react';
import { render } from '@testing-library/react';
import { QueryClient } from '@tanstack/react-query';
import { MemoryRouter } from 'react-router';
import { AppProviders } from '../app/providers';
import { setCsrfToken } from '../lib/api-client';
import { queryKeys } from '../lib/query-keys';
import type { Session } from '../lib/session';

export function renderWithProviders(ui: ReactElement, options: { route?: string; session?: Session | null } = {}) {
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false }, mutations: { retry: false, networkMode: 'always' } },
  });
  if (options.session !== undefined) {
    // As getSession() does when the session answer arrives.
    queryClient.setQueryData(queryKeys.session, options.session);
    setCsrfToken(options.session?.csrfToken ?? null);
  }
  const result = render(
    <AppProviders queryClient={queryClient} mantineEnv="test">
      <MemoryRouter initialEntries={[options.route ?? '/']}>{ui}</MemoryRouter>
    </AppProviders>,
  );
  return { ...result, queryClient };
}

export const volunteerSession: Session = {
  user: {
    id: '00000000-0000-4000-8000-000000000001',
    email: 'volunteer@example.org',
    phone: null,
    username: null,
    name: 'Amina Volunteer',
    preferredLanguage: 'en',
    timeZone: 'Africa/Casablanca',
    isPlatformAdmin: false,
  },
  memberships: [
    {
      organisationId: '00000000-0000-4000-8000-0000000000a1',
      organisationName: 'Association Tanja Solidaire',
      networkId: '00000000-0000-4000-8000-0000000000b1',
      networkName: 'INSP!R',
      role: 'VOLUNTEER',
    },
  ],
  networkRoles: [],
  primaryRole: 'VOLUNTEER',
  permissions: ['profile.manage', 'directory.read', 'organisation.read'],
  csrfToken: 'csrf-from-session',
  sharedDevice: false,
};

type Handler = (request: { url: string; method: string; headers: Headers; body: unknown }) => Response | Promise<Response>;

/** Replaces fetch at the network boundary: each call is answered by the first matching route. */
export function mockFetch(routes: Record<string, Handler>) {
  const calls: { url: string; method: string; headers: Headers; body: unknown }[] = [];
  const fetchMock = async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const method = (init.method ?? 'GET').toUpperCase();
    const headers = new Headers(init.headers);
    const body = typeof init.body === 'string' ? JSON.parse(init.body) : undefined;
    const request = { url, method, headers, body };
    calls.push(request);
    const path = url.split('?')[0];
    const handler = routes[`${method} ${path}`];
    if (!handler) return json(404, { code: 'NOT_FOUND', message: `no mock for ${method} ${path}`, requestId: 'test' });
    return handler(request);
  };
  globalThis.fetch = fetchMock as typeof fetch;
  return calls;
}

export function json(status: number, body: unknown): Response {
  return new Response(status === 204 ? null : JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });
}
