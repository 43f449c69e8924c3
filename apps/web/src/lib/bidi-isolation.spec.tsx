import { screen } from '@testing-library/react';
import { useTranslation } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { i18n } from './i18n';
import { renderWithProviders, volunteerSession } from '../test/render';

const arabicSession = { ...volunteerSession, user: { ...volunteerSession.user, preferredLanguage: 'ar' as const } };
const FSI = '\u2068';
const PDI = '\u2069';

function Slip({ name }: { name: string }) {
  const { t } = useTranslation('organisation');
  return (
    <>
      <p data-testid="hello">{t('slips.hello', { name })}</p>
      <button type="button" aria-label={t('members.removeConfirm', { name })}>x</button>
    </>
  );
}

afterEach(async () => {
  await i18n.changeLanguage('en');
});

// Issue 20: an Arabic sentence naming "Association Al Amal Tanger" keeps its punctuation in place.
describe('names inside translated sentences', () => {
  it('are isolated in Arabic, so the comma after a Latin name stays at the sentence’s end', async () => {
    await i18n.changeLanguage('ar');
    renderWithProviders(<Slip name="Association Al Amal Tanger" />, { session: arabicSession });
    await screen.findByText(/مرحبًا/);
    // The name is one isolated run; "،" follows the isolate, so the bidi algorithm keeps it at the
    // Arabic sentence's end (the left) instead of gluing it to the Latin run.
    expect(screen.getByTestId('hello').textContent).toBe(`مرحبًا ${FSI}Association Al Amal Tanger${PDI}،`);
    // Also where markup cannot go: an accessible name.
    expect(screen.getByRole('button').getAttribute('aria-label')).toBe(
      `هل تريد إزالة ${FSI}Association Al Amal Tanger${PDI} من المنظمة؟ سيفقد إمكانية الوصول إلى فضائها.`,
    );
  });

  it('leaves numbers alone and does not isolate twice', async () => {
    await i18n.changeLanguage('ar');
    await i18n.loadNamespaces('meetings');
    expect(i18n.t('meetings:invitePicker.chosen', { count: 3 })).toBe('3 منظمات مختارة');
    expect(i18n.t('organisation:slips.hello', { name: `${FSI}INSP!R${PDI}` })).toBe(`مرحبًا ${FSI}INSP!R${PDI}،`);
  });

  it('adds nothing in a left-to-right interface', async () => {
    renderWithProviders(<Slip name="جمعية الأمل" />, { session: volunteerSession });
    expect(screen.getByTestId('hello').textContent).toBe('Hello جمعية الأمل,');
  });
});
