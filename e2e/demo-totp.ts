import { authenticator } from 'otplib';
import type { Page } from 'playwright-core';

/** The demo coordinator's published TOTP secret (README, demo data only). */
export const DEMO_COORDINATOR = 'coordinator@example.org';
export const DEMO_COORDINATOR_TOTP_SECRET = 'TADAMONDEMOCOORDINATORJ2QK4XVW7A';
/** The demo platform admin and their published TOTP secret (README, demo data only). */
export const DEMO_ADMIN = 'admin@example.org';
export const DEMO_ADMIN_TOTP_SECRET = 'TADAMONDEMOPLATFORMADMINK7Q3XWZA';

/** The published secret of a demo account that has a second factor. */
export function demoTotpSecret(email: string): string {
  return email === DEMO_ADMIN ? DEMO_ADMIN_TOTP_SECRET : DEMO_COORDINATOR_TOTP_SECRET;
}

/** The code an authenticator app shows `offsetSteps` 30-second steps from now. */
export function totpCode(secret: string, offsetSteps = 0): string {
  return authenticator.clone({ epoch: Date.now() + offsetSteps * 30_000 }).generate(secret);
}

/**
 * Tries codes until one is accepted. The server accepts each 30-second step once and one step
 * ahead of the clock: a journey that signs the same person in twice within a step gets the next
 * step's code, and a third waits for the step after.
 */
export async function withFreshCode(secret: string, attempt: (code: string) => Promise<boolean>): Promise<void> {
  for (let round = 0; round < 3; round++) {
    for (const offset of [0, 1]) if (await attempt(totpCode(secret, offset))) return;
    await new Promise((resolve) => setTimeout(resolve, 30_000 - (Date.now() % 30_000) + 500));
  }
  throw new Error('No TOTP code was accepted');
}

/** On the second-factor page after the password: types the demo coordinator's current code. */
export async function enterDemoCoordinatorCode(page: Page, secret = DEMO_COORDINATOR_TOTP_SECRET): Promise<void> {
  const field = page.getByTestId('second-factor-code');
  await field.waitFor();
  await withFreshCode(secret, async (code) => {
    await field.fill(code);
    const answer = page.waitForResponse((r) => r.url().endsWith('/api/auth/second-factor/verify'));
    await field.press('Enter');
    return (await answer).status() === 204;
  });
}
