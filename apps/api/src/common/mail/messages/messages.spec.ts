import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '@tadamon/shared';
import { invitationMail, passwordResetMail } from './index.js';

const hostile = `Zoë "<img src=x onerror=alert(1)>" & Co`;
const link = 'https://tadamon.example/invite?token=abc_DEF-123';
const expiresAt = new Date('2026-03-04T10:30:00Z');

const samples = (language: (typeof LANGUAGES)[number]) => ({
  organisation: invitationMail(language, {
    inviterName: hostile,
    organisationName: hostile,
    networkName: hostile,
    role: 'ORG_LEADER',
    link,
    expiresAt,
  }),
  network: invitationMail(language, {
    inviterName: hostile,
    organisationName: null,
    networkName: hostile,
    role: 'COORDINATOR',
    link,
    expiresAt,
  }),
  reset: passwordResetMail(language, { name: hostile, link }),
});

describe.each(LANGUAGES)('mail texts in %s', (language) => {
  it('carry the link, the values and no unfilled placeholder', () => {
    for (const mail of Object.values(samples(language))) {
      expect(mail.text).toContain(link);
      expect(mail.html).toContain(`href="${link}"`);
      expect(mail.text).toContain(hostile);
      for (const part of [mail.subject, mail.text, mail.html]) expect(part).not.toMatch(/undefined|null|\$\{|\{\{/);
    }
  });

  it('escape every interpolated value in HTML', () => {
    for (const mail of Object.values(samples(language))) {
      expect(mail.html).not.toContain('<img');
      expect(mail.html).toContain('Zoë &quot;&lt;img src=x onerror=alert(1)&gt;&quot; &amp; Co');
    }
  });

  it('declare the language and its direction', () => {
    const { organisation } = samples(language);
    expect(organisation.html).toContain(`lang="${language}"`);
    expect(organisation.html).toContain(language === 'ar' ? 'dir="rtl"' : 'dir="ltr"');
  });

  it('are translated, not English with another label', () => {
    if (language === 'en') return;
    const english = samples('en');
    const own = samples(language);
    for (const key of ['organisation', 'network', 'reset'] as const) {
      expect(own[key].subject).not.toBe(english[key].subject);
      expect(own[key].text).not.toContain(english[key].text.split('\n')[0]);
    }
  });

  it('name the expiry date in the reader’s language', () => {
    const expected = { en: 'March', fr: 'mars', ar: 'مارس', es: 'marzo', nl: 'maart' }[language];
    expect(samples(language).organisation.text).toContain(expected);
  });
});

describe('invitation wording', () => {
  it('names the role for organisation invitations and the coordination team for network ones', () => {
    const volunteer = invitationMail('fr', {
      inviterName: 'Amina',
      organisationName: 'Association Tanja',
      networkName: 'INSP!R',
      role: 'VOLUNTEER',
      link,
      expiresAt,
    });
    expect(volunteer.text).toContain('Amina vous invite à rejoindre Association Tanja (INSP!R) sur Tadamon en tant que bénévole.');
    const coordinator = invitationMail('en', {
      inviterName: 'Amina',
      organisationName: null,
      networkName: 'INSP!R',
      role: 'COORDINATOR',
      link,
      expiresAt,
    });
    expect(coordinator.subject).toBe('Invitation to coordinate INSP!R on Tadamon');
    expect(coordinator.text).toContain('valid until 4 March 2026');
  });
});
