import { Alert, Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../lib/api-client';

/** The translated message for an error: `errors:<code>`, or a generic one. */
export function useErrorMessage() {
  const { t } = useTranslation('errors');
  return (error: unknown): string => {
    if (isApiError(error)) return t(error.code, { defaultValue: t('INTERNAL') });
    return t('UNKNOWN');
  };
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
