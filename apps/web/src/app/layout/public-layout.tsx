import { Container } from '@mantine/core';
import { Suspense } from 'react';
import { Outlet } from 'react-router';
import { LanguageSwitcher } from '../../components/language-switcher';
import { PageSkeleton } from '../../components/page-skeleton';
import { FirstScreenShown } from '../../components/first-screen-shown';

/** Screens before sign-in: the product name, a language choice, one card. */
export function PublicLayout() {
  return (
    <div className="public-page">
      <Container size={440}>
        <header className="public-page__top">
          <span className="app-header__brand" translate="no">
            Tadamon
          </span>
          <LanguageSwitcher />
        </header>
        <main id="main">
          <Suspense fallback={<PageSkeleton />}>
            <Outlet />
            <FirstScreenShown />
          </Suspense>
        </main>
      </Container>
    </div>
  );
}
