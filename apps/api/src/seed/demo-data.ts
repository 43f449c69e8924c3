import type { OrganisationType } from '@tadamon/shared';

/**
 * The demo network. Organisations are modelled on the network's real members (see
 * shared/seeds); people are invented. Password for every demo account: DEMO_PASSWORD.
 */
export const DEMO_PASSWORD = 'tadamon-demo';

export const demoNetwork = {
  slug: 'insp-r-demo',
  name: 'INSP!R demo network',
  description:
    'Tangier volunteer organisations with their partners in the International Network for Social Protection Rights.',
  fallbackLanguages: ['fr', 'en', 'ar', 'es', 'nl'],
  timeZone: 'Africa/Casablanca',
};

export interface DemoOrganisation {
  key: string;
  name: string;
  type: OrganisationType;
  country: string;
  city: string;
  languages: string[];
  description: string;
  website?: string;
  contactEmail?: string;
  /** Unset: the network's zone (Casablanca). */
  timeZone?: string;
}

export const demoOrganisations: DemoOrganisation[] = [
  {
    key: 'tangier',
    name: 'Association Al Amal Tanger',
    type: 'NGO',
    country: 'MA',
    city: 'Tangier',
    languages: ['ar', 'fr'],
    description: 'Social, legal and economic counselling for families in the old medina; 40 volunteers.',
    contactEmail: 'contact@alamal.example.org',
  },
  {
    key: 'tangier-women',
    name: 'Union des femmes de Tanger',
    type: 'WOMEN',
    country: 'MA',
    city: 'Tangier',
    languages: ['ar', 'fr'],
    description: "Women's rights, literacy and first-aid training for neighbourhood volunteers.",
  },
  {
    key: 'bamako-mutual',
    name: 'Union Technique de la Mutualité Malienne',
    type: 'MUTUAL',
    country: 'ML',
    city: 'Bamako',
    timeZone: 'Africa/Bamako',
    languages: ['fr'],
    description: 'Umbrella of community health mutuals working towards universal health coverage.',
  },
  {
    key: 'bamako-savings',
    name: 'Kondo Jigima',
    type: 'COOPERATIVE',
    country: 'ML',
    city: 'Bamako',
    timeZone: 'Africa/Bamako',
    languages: ['fr'],
    description: 'Savings and credit cooperative for rural women and informal workers.',
  },
  {
    key: 'brussels',
    name: 'Netwerk tegen Armoede',
    type: 'NGO',
    country: 'BE',
    city: 'Brussels',
    timeZone: 'Europe/Brussels',
    languages: ['nl', 'fr'],
    description: 'Sixty associations in Flanders and Brussels where people in poverty speak up.',
  },
];

export interface DemoPerson {
  email: string;
  name: string;
  preferredLanguage: string;
  timeZone: string;
  organisation?: { key: string; role: 'VOLUNTEER' | 'ORG_LEADER' };
  coordinator?: boolean;
  /** Platform administrator: creates networks, disables accounts, retries failed jobs. */
  platformAdmin?: boolean;
  /** Enrolled in TOTP with this (base32) secret, printed in the README: demo data only. */
  totpSecret?: string;
}

/**
 * Coordinators must use a second factor. So that anyone can still try the coordinator's
 * role, the demo coordinator is enrolled with this published secret (README): add it to an
 * authenticator app, or compute the code with otplib. Never use it outside the demo data.
 */
export const DEMO_COORDINATOR_TOTP_SECRET = 'TADAMONDEMOCOORDINATORJ2QK4XVW7A';

/** Platform admins must use a second factor too; the same published-secret bargain (README). */
export const DEMO_ADMIN_TOTP_SECRET = 'TADAMONDEMOPLATFORMADMINK7Q3XWZA';

export const demoPeople: DemoPerson[] = [
  {
    email: 'admin@example.org',
    name: 'Youssef Administrateur',
    preferredLanguage: 'fr',
    timeZone: 'Africa/Casablanca',
    platformAdmin: true,
    totpSecret: DEMO_ADMIN_TOTP_SECRET,
  },
  {
    email: 'coordinator@example.org',
    name: 'Nadia Coordinatrice',
    preferredLanguage: 'fr',
    timeZone: 'Africa/Casablanca',
    coordinator: true,
    totpSecret: DEMO_COORDINATOR_TOTP_SECRET,
  },
  {
    email: 'leader@example.org',
    name: 'Karim Leader',
    preferredLanguage: 'en',
    timeZone: 'Africa/Casablanca',
    organisation: { key: 'tangier', role: 'ORG_LEADER' },
  },
  {
    email: 'volunteer@example.org',
    name: 'Salma Volunteer',
    preferredLanguage: 'en',
    timeZone: 'Africa/Casablanca',
    organisation: { key: 'tangier', role: 'VOLUNTEER' },
  },
  {
    email: 'leader.bamako@example.org',
    name: 'Awa Dirigeante',
    preferredLanguage: 'fr',
    timeZone: 'Africa/Bamako',
    organisation: { key: 'bamako-mutual', role: 'ORG_LEADER' },
  },
  {
    email: 'leader.brussels@example.org',
    name: 'Pieter Voorzitter',
    preferredLanguage: 'nl',
    timeZone: 'Europe/Brussels',
    organisation: { key: 'brussels', role: 'ORG_LEADER' },
  },
];

/**
 * A volunteer without e-mail, as a leader would sign one up: phone number only, with a known
 * PIN (demo data only), so the phone sign-in and the shared-phone mode can be tried at once.
 */
export const demoPhoneVolunteer = {
  phone: '+212661000777',
  /** What people type in Morocco: the same number in national format. */
  phoneNational: '06 61 00 07 77',
  pin: '274958',
  name: 'Fatima Zahra Bénévole',
  preferredLanguage: 'ar',
  timeZone: 'Africa/Casablanca',
  organisationKey: 'tangier',
} as const;
