import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CertificateType } from '@tadamon/shared';
import { json, mockFetch, renderWithProviders, volunteerSession } from '../../../test/render';
import type { Session } from '../../../lib/session';
import { CertificateTypeForm } from './certificate-type-form';

// The form's autosizing description boxes listen to document.fonts, which happy-dom lacks.
beforeAll(() => {
  if (!('fonts' in document)) Object.defineProperty(document, 'fonts', { value: new EventTarget(), configurable: true });
});

const NETWORK = '00000000-0000-4000-8000-0000000000b1';
const LISTENING = '00000000-0000-4000-8000-0000000000c1';
const REFERRAL = '00000000-0000-4000-8000-0000000000c2';
const OLD = '00000000-0000-4000-8000-0000000000c3';
const REFRESHER = '00000000-0000-4000-8000-0000000000c4';
const TYPE = '00000000-0000-4000-8000-0000000000d1';

const coordinatorSession: Session = {
  ...volunteerSession,
  networkRoles: [{ networkId: NETWORK, networkName: 'INSP!R', role: 'COORDINATOR' }],
  primaryRole: 'COORDINATOR',
  permissions: [...volunteerSession.permissions, 'certificates.manageTypes', 'courses.manage'],
};

const course = (id: string, title: string, status = 'PUBLISHED') => ({
  id,
  networkId: NETWORK,
  organisationId: null,
  organisationName: null,
  status,
  title,
  languages: ['en'],
  publishedVersionNumber: 1,
  draftVersionId: null,
  draftVersionNumber: null,
  updatedAt: '2026-11-20T10:00:00.000Z',
});

/** The course-authoring list, searched like the server does (by title). */
const courseRoutes = {
  'GET /api/course-authoring/courses': ({ url }: { url: string }) => {
    const query = new URL(url, 'http://localhost').searchParams;
    expect(query.get('networkId')).toBe(NETWORK);
    const q = (query.get('q') ?? '').toLowerCase();
    const all = [course(LISTENING, 'Active listening'), course(REFERRAL, 'Referral basics'), course(OLD, 'Old first aid', 'ARCHIVED'), course(REFRESHER, 'First aid refresher')];
    return json(200, { items: all.filter((c) => c.title.toLowerCase().includes(q)), nextCursor: null });
  },
};

const saved = (body: Record<string, unknown>): CertificateType => ({
  id: TYPE,
  networkId: NETWORK,
  names: body.names as Record<string, string>,
  descriptions: {},
  validityMonths: (body.validityMonths as number | null) ?? null,
  signatories: [],
  createdAt: '2026-11-20T10:00:00.000Z',
  earnedBy: null,
  renewalCourse: null,
});

async function pickCourse(search: string, title: string) {
  const input = screen.getByRole('combobox', { name: 'Courses (all must be completed)' });
  await userEvent.click(input);
  await userEvent.type(input, search);
  // The picker's dropdown (the refresher select lists the same courses as <option>s).
  await userEvent.click(await within(screen.getByRole('listbox')).findByRole('option', { name: title }));
}

describe('the certificate type form: what earns a certificate', () => {
  it('sends the chosen courses (searched among the network’s courses) and the refresher course', async () => {
    const calls = mockFetch({
      ...courseRoutes,
      [`POST /api/networks/${NETWORK}/certificate-types`]: ({ body }) => json(201, saved(body as Record<string, unknown>)),
    });
    renderWithProviders(<CertificateTypeForm networkId={NETWORK} />, { session: coordinatorSession });

    await userEvent.type(await screen.findByTestId('type-name-en'), 'Listening volunteer');
    await userEvent.type(screen.getByLabelText('Validity in months'), '24');
    await userEvent.click(screen.getByRole('radio', { name: 'By completing these courses' }));
    await pickCourse('listen', 'Active listening');
    await pickCourse('refer', 'Referral basics');
    // An archived course is never offered.
    await userEvent.type(screen.getByRole('combobox', { name: 'Courses (all must be completed)' }), 'old');
    await waitFor(() => expect(screen.getByText('No course found')).toBeInTheDocument());

    const renewal = screen.getByRole('combobox', { name: /Refresher course/ });
    await waitFor(() => expect(renewal).toHaveTextContent('First aid refresher'));
    await userEvent.selectOptions(renewal, REFRESHER);
    await userEvent.click(screen.getByRole('button', { name: 'Save certificate type' }));

    expect(await screen.findByText('Certificate type saved.')).toBeInTheDocument();
    const sent = calls.find((c) => c.method === 'POST')!.body as Record<string, unknown>;
    expect(sent).toMatchObject({
      names: { en: 'Listening volunteer' },
      validityMonths: 24,
      earnedBy: { courseIds: [LISTENING, REFERRAL] },
      renewalCourseId: REFRESHER,
    });
  }, 30_000);

  it('asks for a course before sending, and shows the server’s refusal in words', async () => {
    const calls = mockFetch({
      ...courseRoutes,
      [`POST /api/networks/${NETWORK}/certificate-types`]: () =>
        json(422, { code: 'CERTIFICATE_RULE_COURSE_ARCHIVED', message: 'x', details: { field: 'earnedBy.courseIds', id: LISTENING }, requestId: 'r' }),
    });
    renderWithProviders(<CertificateTypeForm networkId={NETWORK} />, { session: coordinatorSession });

    await userEvent.type(await screen.findByTestId('type-name-en'), 'Listening volunteer');
    await userEvent.click(screen.getByRole('radio', { name: 'By completing these courses' }));
    await userEvent.click(screen.getByRole('button', { name: 'Save certificate type' }));
    expect(await screen.findByText('Choose at least one course.')).toBeInTheDocument();
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);

    await pickCourse('listen', 'Active listening');
    await userEvent.click(screen.getByRole('button', { name: 'Save certificate type' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'One of the chosen courses is archived: nobody new can take it. Choose another course.',
    );
    // A certificate that never expires offers no refresher, and sends none.
    expect(screen.getByRole('combobox', { name: /Refresher course/ })).toBeDisabled();
    expect(calls.find((c) => c.method === 'POST')!.body).toMatchObject({ validityMonths: null, renewalCourseId: null });
  }, 30_000);

  it('edits an existing type: its rule is shown, and “assessor only” removes it', async () => {
    const existing: CertificateType = {
      ...saved({ names: { en: 'Listening volunteer' }, validityMonths: 12 }),
      signatories: [{ name: 'Amina', title: 'Coordinator' }, { name: 'Youssef', title: 'President' }],
      earnedBy: { kind: 'courses', courses: [{ id: LISTENING, title: 'Active listening', status: 'PUBLISHED' }] },
      renewalCourse: { id: REFRESHER, title: 'First aid refresher', status: 'PUBLISHED' },
    };
    const calls = mockFetch({ ...courseRoutes, [`PATCH /api/certificate-types/${TYPE}`]: () => json(200, existing) });
    let done = false;
    renderWithProviders(<CertificateTypeForm networkId={NETWORK} type={existing} onDone={() => (done = true)} />, { session: coordinatorSession });

    expect(await screen.findByRole('radio', { name: 'By completing these courses' })).toBeChecked();
    expect(screen.getByText('Active listening')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('radio', { name: 'Only when an assessor issues it' }));
    await userEvent.click(screen.getByRole('button', { name: 'Save certificate type' }));

    await waitFor(() => expect(done).toBe(true));
    expect(calls.find((c) => c.method === 'PATCH')!.body).toMatchObject({
      earnedBy: null,
      renewalCourseId: REFRESHER,
      validityMonths: 12,
      signatories: [{ name: 'Amina', title: 'Coordinator' }, { name: 'Youssef', title: 'President' }],
    });
  }, 30_000);
});
