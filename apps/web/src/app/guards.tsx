import { Container } from '@mantine/core';
import { Navigate, Outlet, useLocation, useSearchParams } from 'react-router';
import { ErrorAlert } from '../components/error-alert';
import { PageSkeleton } from '../components/page-skeleton';
import { useSession } from '../lib/session';

function Waiting() {
  return (
    <Container size="sm" py="xl">
      <PageSkeleton />
    </Container>
  );
}

/** Signed-in screens: send signed-out visitors to sign-in, and bring them back afterwards. */
export function RequireSession() {
  const { data: session, isPending, error, refetch } = useSession();
  const location = useLocation();
  if (isPending) return <Waiting />;
  if (error && session === undefined) {
    return (
      <Container size="sm" py="xl">
        <ErrorAlert error={error} onRetry={() => void refetch()} />
      </Container>
    );
  }
  if (!session) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={next === '/' ? '/sign-in' : `/sign-in?next=${encodeURIComponent(next)}`} replace />;
  }
  return <Outlet />;
}

/** Sign-in and forgot-password make no sense once signed in. */
export function PublicOnly() {
  const { data: session, isPending } = useSession();
  const [params] = useSearchParams();
  if (isPending) return <Waiting />;
  // After sign-in the session arrives here first: go where the visitor was heading.
  if (session) return <Navigate to={safeNext(params.get('next'))} replace />;
  return <Outlet />;
}

/** Only same-site paths, so a crafted link cannot send someone elsewhere after sign-in. */
export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}
