import { Suspense } from 'react';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { AppRoutes } from '../../../app/routes';
import type { Session } from '../../../lib/session';
import { json, mockFetch, renderWithProviders, volunteerSession } from '../../../test/render';

const coordinator: Session = {
  ...volunteerSession,
  user: { ...volunteerSession.user, name: 'Nadia Coordinatrice', email: 'coordinator@example.org' },
  memberships: [],
  networkRoles: [{ networkId: '00000000-0000-4000-8000-0000000000b1', networkName: 'INSP!R', role: 'COORDINATOR' }],
  primaryRole: 'COORDINATOR',
};
/** What the API answers after a right password while the second factor is owed. */
const halfSignedIn = (step: 'verify' | 'enrol', language = 'en'): Session => ({
  ...coordinator,
  user: { ...coordinator.user, preferredLanguage: language as Session['user']['preferredLanguage'] },
  networkRoles: [],
  primaryRole: 'VOLUNTEER',
  permissions: [],
  secondFactor: step,
});

function renderApp(route: string) {
  return renderWithProviders(
    <Suspense fallback={null}>
      <AppRoutes />
    </Suspense>,
    { route },
  );
}

const recoveryCodes = Array.from({ length: 10 }, (_, i) => `abcd${i}-efgh${i}`);

describe('the second-factor step of signing in', () => {
  it('keeps a half-signed-in person on the code page, shows a refused code, then lets them in', async () => {
    let sessions = 0;
    const calls = mockFetch({
      'GET /api/auth/session': () => json(200, sessions++ === 0 ? halfSignedIn('verify') : coordinator),
      'POST /api/auth/second-factor/verify': ({ body }) =>
        (body as { code: string }).code === '123456'
          ? json(400, { code: 'TOTP_CODE_REUSED', message: 'reused', requestId: 'r' })
          : json(204, null),
      'GET /api/me/profile': () => json(200, coordinator.user),
      'GET /api/me/sessions': () => json(200, { items: [] }),
      'GET /api/auth/totp': () => json(200, { enabled: true, required: true, recoveryCodesLeft: 10 }),
    });
    renderApp('/profile');
    expect(await screen.findByRole('heading', { name: 'Enter your security code' })).toBeInTheDocument();

    const field = screen.getByLabelText(/Security code or recovery code/);
    await userEvent.type(field, '123456');
    await userEvent.click(screen.getByRole('button', { name: 'Continue' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('This code was already used. Wait for the next code in your app.');

    await userEvent.clear(field);
    await userEvent.type(field, '654321');
    await userEvent.click(screen.getByRole('button', { name: 'Continue' }));
    // The session is asked again, is complete, and the profile the person asked for opens.
    expect(await screen.findByText('Required for your role: it cannot be turned off.')).toBeInTheDocument();
    const verify = calls.filter((c) => c.url === '/api/auth/second-factor/verify');
    expect(verify.map((c) => c.body)).toEqual([{ code: '123456' }, { code: '654321' }]);
    expect(verify[1]!.headers.get('x-csrf-token')).toBe('csrf-from-session');
  });

  it('makes a coordinator without TOTP set it up, in Arabic and right to left', async () => {
    let sessions = 0;
    const calls = mockFetch({
      'GET /api/auth/session': () => json(200, sessions++ === 0 ? halfSignedIn('enrol', 'ar') : { ...coordinator, user: { ...coordinator.user, preferredLanguage: 'ar' } }),
      'POST /api/auth/totp/enrolment': () =>
        json(200, { secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', otpauthUrl: 'otpauth://totp/x', qrCodeDataUrl: 'data:image/svg+xml;base64,PHN2Zy8+' }),
      'POST /api/auth/totp/enrolment/confirm': ({ body }) =>
        (body as { code: string }).code === '000000'
          ? json(400, { code: 'TOTP_CODE_INVALID', message: 'wrong', requestId: 'r' })
          : json(200, { recoveryCodes }),
    });
    renderApp('/sign-in/second-factor');
    expect(await screen.findByRole('heading', { name: 'احمِ حسابك' })).toBeInTheDocument();
    await waitFor(() => expect(document.documentElement.dir).toBe('rtl'));

    await userEvent.click(screen.getByRole('button', { name: 'ضبط التطبيق' }));
    expect(await screen.findByRole('img', { name: 'رمز QR للمسح بتطبيق المصادقة' })).toBeInTheDocument();
    expect(screen.getByTestId('totp-secret')).toHaveTextContent('JBSW Y3DP EHPK 3PXP JBSW Y3DP EHPK 3PXP');
    // The key reads left to right inside the right-to-left page.
    expect(screen.getByTestId('totp-secret')).toHaveAttribute('dir', 'ltr');

    await userEvent.type(screen.getByTestId('totp-code'), '000000');
    await userEvent.click(screen.getByTestId('totp-confirm'));
    expect(await screen.findByRole('alert')).toHaveTextContent('هذا الرمز غير صحيح');
    await userEvent.clear(screen.getByTestId('totp-code'));
    await userEvent.type(screen.getByTestId('totp-code'), '246810');
    await userEvent.click(screen.getByTestId('totp-confirm'));

    expect(await screen.findByRole('heading', { name: 'رموز الاسترداد الخاصة بك' })).toBeInTheDocument();
    for (const code of recoveryCodes) expect(screen.getByText(code)).toBeInTheDocument();
    expect(calls.filter((c) => c.url === '/api/auth/session')).toHaveLength(1);
    await userEvent.click(screen.getByTestId('recovery-codes-saved'));
    await waitFor(() => expect(calls.filter((c) => c.url === '/api/auth/session')).toHaveLength(2));
  });

  it('sends a half-signed-in person from the sign-in page to the code page', async () => {
    mockFetch({ 'GET /api/auth/session': () => json(200, halfSignedIn('verify')) });
    renderApp('/sign-in?next=%2Flibrary');
    expect(await screen.findByRole('heading', { name: 'Enter your security code' })).toBeInTheDocument();
  });
});
