import { useId } from 'react';
import { NavLink, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useSignedInSession } from '../../lib/session';
import { navigationFor } from './navigation-entries';

/**
 * The "Main navigation" landmark: the entries this person may use, in named groups. The same
 * list sits in the side column on wide screens and in the menu drawer on phones.
 */
export function MainNavigation({ onNavigate }: { onNavigate?: () => void }) {
  const { t } = useTranslation('common');
  const session = useSignedInSession();
  const id = useId();
  const { pathname } = useLocation();
  return (
    <nav className="main-nav" aria-label={t('nav.label')} data-testid="main-navigation">
      {navigationFor(session).map((group) => {
        const headingId = group.key ? `${id}-${group.key}` : undefined;
        return (
          <div key={group.key ?? 'top'} className="main-nav__group">
            {/* A label, not a heading: headings here would come before each page's h1. */}
            {group.key ? (
              <p id={headingId} className="main-nav__group-name">
                {t(`nav.groups.${group.key}`)}
              </p>
            ) : null}
            <ul className="main-nav__list" aria-labelledby={headingId}>
              {group.entries.map((entry) => (
                <li key={entry.key}>
                  <NavLink to={entry.to} end={entry.end || (entry.notUnder !== undefined && pathname.startsWith(entry.notUnder))} onClick={onNavigate}>
                    {t(`nav.${entry.key}`)}
                  </NavLink>
                </li>
              ))}
            </ul>
          </div>
        );
      })}
    </nav>
  );
}
