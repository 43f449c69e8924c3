import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';

/** Codes are plain capitals; anything else in the address is not ours to show. */
const CODE = /^[A-Z_]{2,60}$/;

/**
 * A sign-in with the network's provider that failed comes back here as
 * `/sign-in?sso_error=CODE` (the API's callback redirects instead of answering JSON): the
 * reason is shown translated, and an unknown code as the general error.
 */
export function SingleSignOnError() {
  const [params] = useSearchParams();
  const raw = params.get('sso_error');
  return raw ? <SingleSignOnErrorAlert raw={raw} /> : null;
}

/** Apart, so that an ordinary visit does not wait for the error messages (namespace `errors`). */
function SingleSignOnErrorAlert({ raw }: { raw: string }) {
  const { t, i18n } = useTranslation(['auth', 'errors']);
  const code = CODE.test(raw) && i18n.exists(`errors:${raw}`) ? raw : 'INTERNAL';
  return (
    <Alert color="red" variant="light" mb="md" role="alert" title={t('auth:signIn.ssoFailed')} data-testid="sso-error">
      {t(`errors:${code}`)}
    </Alert>
  );
}
