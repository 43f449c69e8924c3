import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { i18n } from '../../../lib/i18n';
import { json, mockFetch, renderWithProviders } from '../../../test/render';
import { SignInRoute } from './sign-in-route';

function renderAt(route: string) {
  mockFetch({ 'GET /api/auth/oidc/providers': () => json(200, { items: [] }) });
  renderWithProviders(<SignInRoute />, { session: null, route });
}

describe('SignInRoute after a failed single sign-on', () => {
  it('shows why, translated, above the sign-in form', async () => {
    await i18n.changeLanguage('en');
    renderAt('/sign-in?sso_error=OIDC_NO_ACCOUNT');
    const alert = await screen.findByTestId('sso-error');
    expect(alert).toHaveTextContent("Signing in with your organisation's account did not work");
    expect(alert).toHaveTextContent('No account of this network uses this e-mail address. Ask for an invitation.');
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeInTheDocument();
  });

  it('speaks Arabic for an expired invitation', async () => {
    await i18n.changeLanguage('ar');
    renderAt('/sign-in?sso_error=OIDC_INVITATION_EXPIRED');
    expect(await screen.findByTestId('sso-error')).toHaveTextContent('انتهت صلاحية دعوتك إلى هذه الشبكة. اطلب دعوة جديدة.');
    await i18n.changeLanguage('en');
  });

  it('shows the general error for a code it does not know, never the raw text', async () => {
    await i18n.changeLanguage('en');
    renderAt('/sign-in?sso_error=%3Cscript%3Ealert(1)%3C/script%3E');
    const alert = await screen.findByTestId('sso-error');
    expect(alert).toHaveTextContent('An unexpected error occurred. Please try again.');
    expect(alert.textContent).not.toContain('script');
  });

  it('shows nothing of the kind after an ordinary visit', async () => {
    renderAt('/sign-in');
    await screen.findByRole('button', { name: 'Sign in' });
    expect(screen.queryByTestId('sso-error')).toBeNull();
  });
});
