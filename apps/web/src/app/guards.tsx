import { Container, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation, useSearchParams } from 'react-router';
import { ErrorAlert } from '../components/error-alert';
import { PageSkeleton } from '../components/page-skeleton';
import { useSession } from '../lib/session';

/**
 * While the session is being asked for. With no connection the question waits (react-query
 * pauses it) — then say so plainly rather than show a skeleton that never fills.
 */
function Waiting({ paused }: { paused: boolean }) {
  const { t } = useTranslation('common');
  return (
    <Container size="sm" py="xl">
      {paused ? <Text>{t('offline.waiting')}</Text> : <PageSkeleton />}
    </Container>
  );
}

/** Signed-in screens: send signed-out visitors to sign-in, and bring them back afterwards. */
export function RequireSession() {
  const { data: session, isPending, fetchStatus, error, refetch } = useSession();
  const location = useLocation();
  if (isPending) return <Waiting paused={fetchStatus === 'paused'} />;
  if (error && session === undefined) {
    return (
      <Container size="sm" py="xl">
        <ErrorAlert error={error} onRetry={() => void refetch()} />
      </Container>
    );
  }
  if (!session || session.secondFactor) {
    const next = `${location.pathname}${location.search}`;
    const to = session ? SECOND_FACTOR_PATH : '/sign-in';
    return <Navigate to={next === '/' ? to : `${to}?next=${encodeURIComponent(next)}`} replace />;
  }
  return <Outlet />;
}

const SECOND_FACTOR_PATH = '/sign-in/second-factor';

/** The code (or TOTP set-up) step: only for a session that still owes its second factor. */
export function SecondFactorOnly() {
  const { data: session, isPending, fetchStatus } = useSession();
  const [params] = useSearchParams();
  if (isPending) return <Waiting paused={fetchStatus === 'paused'} />;
  if (!session) return <Navigate to="/sign-in" replace />;
  if (!session.secondFactor) return <Navigate to={safeNext(params.get('next'))} replace />;
  return <Outlet />;
}

/** Sign-in and forgot-password make no sense once signed in. */
export function PublicOnly() {
  const { data: session, isPending, fetchStatus } = useSession();
  const [params] = useSearchParams();
  if (isPending) return <Waiting paused={fetchStatus === 'paused'} />;
  // After sign-in the session arrives here first: go where the visitor was heading, through
  // the second-factor step when the session still owes it.
  if (session?.secondFactor) {
    const next = params.get('next');
    return <Navigate to={next ? `${SECOND_FACTOR_PATH}?next=${encodeURIComponent(next)}` : SECOND_FACTOR_PATH} replace />;
  }
  if (session) return <Navigate to={safeNext(params.get('next'))} replace />;
  return <Outlet />;
}

/** Only same-site paths, so a crafted link cannot send someone elsewhere after sign-in. */
export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}
