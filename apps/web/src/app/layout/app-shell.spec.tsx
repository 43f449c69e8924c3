import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import type { Session } from '../../lib/session';
import { json, mockFetch, renderWithProviders, volunteerSession } from '../../test/render';
import { AppShellLayout } from './app-shell';

/** happy-dom answers matchMedia from its viewport, as a phone's browser would. */
function setViewport(width: number, height: number) {
  (window as unknown as { happyDOM: { setViewport(v: { width: number; height: number }): void } }).happyDOM.setViewport({ width, height });
}

const leaderSession: Session = {
  ...volunteerSession,
  memberships: [{ ...volunteerSession.memberships[0]!, role: 'ORG_LEADER' }],
  primaryRole: 'ORG_LEADER',
  permissions: [...volunteerSession.permissions, 'audit.read', 'courses.progress', 'courses.manage', 'accreditation.selfAssess'],
};

function renderShell(session: Session, route = '/') {
  mockFetch({ 'GET /api/me/notifications': () => json(200, { items: [], unreadCount: 0, nextCursor: null }) });
  return renderWithProviders(
    <Routes>
      <Route element={<AppShellLayout />}>
        <Route path="/" element={<h1>Home page</h1>} />
        <Route path="/library" element={<h1>Library page</h1>} />
        <Route path="*" element={<h1>Another page</h1>} />
      </Route>
    </Routes>,
    { route, session },
  );
}

afterEach(() => setViewport(1024, 768));

describe('main navigation on a phone (360 px)', () => {
  it('stays behind the menu button; a link navigates and closes the drawer', async () => {
    setViewport(360, 740);
    renderShell(volunteerSession);
    await screen.findByRole('heading', { name: 'Home page' });
    // The header is one compact line: no navigation landmark until the menu is opened.
    expect(screen.queryByRole('navigation', { name: 'Main navigation' })).toBeNull();
    const menu = screen.getByRole('button', { name: 'Menu' });
    expect(menu).toHaveAttribute('aria-expanded', 'false');

    await userEvent.click(menu);
    const drawer = await screen.findByRole('dialog', { name: 'Menu' });
    const nav = within(drawer).getByRole('navigation', { name: 'Main navigation' });
    expect(menu).toHaveAttribute('aria-expanded', 'true');
    // Only what a volunteer may use: no leader entries, and no empty "Organisation" group.
    const links = within(nav).getAllByRole('link').map((link) => link.textContent);
    expect(links).toEqual(['Home', 'Profile', 'Courses', 'Downloads', 'Library', 'Certificates', 'Member directory', 'Meetings', 'Working groups']);
    expect(within(nav).getByRole('list', { name: 'Training' })).toBeInTheDocument();
    expect(within(nav).queryByRole('list', { name: 'Organisation' })).toBeNull();
    expect(within(nav).getByRole('link', { name: 'Home' })).toHaveAttribute('aria-current', 'page');

    await userEvent.click(within(nav).getByRole('link', { name: 'Library' }));
    expect(await screen.findByRole('heading', { name: 'Library page' })).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(menu).toHaveAttribute('aria-expanded', 'false');
  });

  it('keeps focus inside while open, and closes on Escape with focus back on the button', async () => {
    setViewport(360, 740);
    renderShell(volunteerSession);
    const menu = await screen.findByRole('button', { name: 'Menu' });
    await userEvent.click(menu);
    const drawer = await screen.findByRole('dialog', { name: 'Menu' });
    await waitFor(() => expect(drawer).toContainElement(document.activeElement as HTMLElement));
    // More Tabs than there are links: focus cycles within the drawer, never to the page behind.
    for (let i = 0; i < 12; i += 1) {
      await userEvent.tab();
      expect(drawer).toContainElement(document.activeElement as HTMLElement);
    }

    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await waitFor(() => expect(menu).toHaveFocus());
  });

  it('reads right to left in Arabic, with the menu named in Arabic', async () => {
    setViewport(360, 740);
    renderShell({ ...volunteerSession, user: { ...volunteerSession.user, preferredLanguage: 'ar' } });
    await waitFor(() => expect(document.documentElement.dir).toBe('rtl'));
    await userEvent.click(await screen.findByRole('button', { name: 'القائمة' }));
    const drawer = await screen.findByRole('dialog', { name: 'القائمة' });
    const nav = within(drawer).getByRole('navigation', { name: 'التنقل الرئيسي' });
    expect(within(nav).getByRole('link', { name: 'الرئيسية' })).toBeInTheDocument();
    expect(within(nav).getByRole('list', { name: 'التدريب' })).toBeInTheDocument();
    expect(drawer.closest('[dir]')).toHaveAttribute('dir', 'rtl');
  });
});

describe('the header on the smallest phones (320 px)', () => {
  it('stays one line: the language picker moves into the menu, where it still switches language', async () => {
    setViewport(320, 640);
    renderShell(volunteerSession);
    await screen.findByRole('heading', { name: 'Home page' });
    expect(screen.queryByRole('combobox', { name: 'Language' })).toBeNull();

    await userEvent.click(screen.getByRole('button', { name: 'Menu' }));
    const drawer = await screen.findByRole('dialog', { name: 'Menu' });
    await userEvent.selectOptions(within(drawer).getByRole('combobox', { name: 'Language' }), 'ar');
    await waitFor(() => expect(document.documentElement.dir).toBe('rtl'));
    expect(await screen.findByRole('dialog', { name: 'القائمة' })).toBeInTheDocument();
  });

  it('keeps the picker in the header from 360 px', async () => {
    setViewport(360, 740);
    renderShell(volunteerSession);
    expect(await screen.findByRole('combobox', { name: 'Language' })).toBeInTheDocument();
  });
});

describe('main navigation on a wide screen (1024 px)', () => {
  it('is always visible, without a menu button, and shows a leader their organisation tools', async () => {
    renderShell(leaderSession, '/library');
    await screen.findByRole('heading', { name: 'Library page' });
    expect(screen.queryByRole('button', { name: 'Menu' })).toBeNull();
    const nav = screen.getByRole('navigation', { name: 'Main navigation' });
    expect(within(nav).getByRole('link', { name: 'Library' })).toHaveAttribute('aria-current', 'page');
    const training = within(nav).getByRole('list', { name: 'Training' });
    expect(within(training).getByRole('link', { name: 'Team learning' })).toBeInTheDocument();
    expect(within(training).getByRole('link', { name: 'Course authoring' })).toBeInTheDocument();
    const organisation = within(nav).getByRole('list', { name: 'Organisation' });
    expect(within(organisation).getAllByRole('link').map((link) => link.textContent)).toEqual(['My organisation', 'Accreditation', 'Activity']);
  });
});

describe('Downloads in the main navigation', () => {
  it('is its own entry: on the Downloads screen it is current and Learning is not', async () => {
    renderShell(volunteerSession, '/learning/downloads');
    await screen.findByRole('heading', { name: 'Another page' });
    const nav = screen.getByRole('navigation', { name: 'Main navigation' });
    expect(within(nav).getByRole('link', { name: 'Downloads' })).toHaveAttribute('aria-current', 'page');
    expect(within(nav).getByRole('link', { name: 'Courses' })).not.toHaveAttribute('aria-current');
  });

  it('leaves Learning current on the other learning screens', async () => {
    renderShell(volunteerSession, '/learning/courses/abc');
    await screen.findByRole('heading', { name: 'Another page' });
    const nav = screen.getByRole('navigation', { name: 'Main navigation' });
    expect(within(nav).getByRole('link', { name: 'Courses' })).toHaveAttribute('aria-current', 'page');
    expect(within(nav).getByRole('link', { name: 'Downloads' })).not.toHaveAttribute('aria-current');
  });
});
