import { Alert, Button } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../lib/api-client';

/** The translated message for an error: `errors:<code>`, or a generic one (namespace loaded). */
export function errorMessage(t: TFunction, error: unknown): string {
  if (isApiError(error)) return t(`errors:${error.code}`, { defaultValue: t('errors:INTERNAL') });
  return t('errors:UNKNOWN');
}

/** errorMessage, waiting (Suspense) for the `errors` namespace. */
export function useErrorMessage() {
  const { t } = useTranslation('errors');
  return (error: unknown): string => errorMessage(t, error);
}

export function ErrorAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation('common');
  const messageOf = useErrorMessage();
  if (!error) return null;
  return (
    <Alert color="red" variant="light" role="alert" title={t('error.title')} data-testid="error-alert">
      {messageOf(error)}
      {onRetry ? (
        <Button variant="subtle" color="red" size="xs" ms="sm" onClick={onRetry}>
          {t('actions.retry')}
        </Button>
      ) : null}
    </Alert>
  );
}
