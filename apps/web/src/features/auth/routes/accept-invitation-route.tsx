import { useEffect, useState } from 'react';
import { Alert, Anchor, Button, NativeSelect, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { Controller, useForm } from 'react-hook-form';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PASSWORD_MIN, invitationAcceptSchema, type InvitationAccept } from '@tadamon/shared';
import type { z } from 'zod';
import { ErrorAlert } from '../../../components/error-alert';
import { PageSkeleton } from '../../../components/page-skeleton';
import { isApiError } from '../../../lib/api-client';
import { applyServerErrors, schemaResolver, translateFieldError } from '../../../lib/form';
import { readStoredLanguage, type Language } from '../../../lib/languages';
import type { InvitationPreview } from '../../../lib/types';
import { useSession } from '../../../lib/session';
import { useChangeLanguage } from '../../../lib/use-change-language';
import { useAcceptInvitation } from '../api/accept-invitation';
import { useInvitationPreview } from '../api/preview-invitation';
import { LanguageOptions } from '../../../components/language-options';

type Values = z.input<typeof invitationAcceptSchema>;

function browserTimeZone(): string | undefined {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || undefined;
  } catch {
    return undefined;
  }
}

/**
 * An address that already has an account accepts while signed in as that account, with no
 * new name or password; signed out, it is sent to sign-in and brought back here.
 */
function ExistingAccountAccept({ token }: { token: string }) {
  const { t } = useTranslation(['auth', 'errors']);
  const navigate = useNavigate();
  const location = useLocation();
  const session = useSession();
  const accept = useAcceptInvitation();
  if (session.isPending) return <PageSkeleton lines={1} />;
  if (!session.data) {
    const next = encodeURIComponent(`${location.pathname}${location.search}`);
    return (
      <Button component={Link} to={`/sign-in?next=${next}`}>
        {t('auth:invite.signInToAccept')}
      </Button>
    );
  }
  return (
    <Stack gap="md">
      <ErrorAlert error={accept.error} />
      <Button
        loading={accept.isPending}
        onClick={() => accept.mutate({ token }, { onSuccess: () => void navigate('/', { replace: true }) })}
      >
        {t('auth:invite.submit')}
      </Button>
    </Stack>
  );
}

function AcceptForm({ token, preview }: { token: string; preview: InvitationPreview }) {
  const { t } = useTranslation(['auth', 'common', 'validation', 'errors']);
  const navigate = useNavigate();
  const accept = useAcceptInvitation();
  const [error, setError] = useState<unknown>(null);
  const form = useForm<Values, unknown, InvitationAccept>({
    resolver: schemaResolver(invitationAcceptSchema),
    defaultValues: { token, name: '', password: '', preferredLanguage: preview.language, timeZone: browserTimeZone() },
  });
  const { errors } = form.formState;

  const submit = form.handleSubmit(async (values) => {
    setError(null);
    try {
      await accept.mutateAsync(values);
      void navigate('/', { replace: true });
    } catch (cause) {
      const onField = applyServerErrors(cause, form.setError, {
        fields: ['name', 'password', 'preferredLanguage'],
        codes: { PASSWORD_TOO_COMMON: 'password', PASSWORD_INCORRECT: 'password' },
      });
      if (!onField) setError(cause);
    }
  });

  return (
    <form onSubmit={submit} noValidate aria-labelledby="invite-title">
      <Stack gap="md">
        <ErrorAlert error={error} />
        <TextInput label={t('auth:signIn.email')} value={preview.email} readOnly />
        <TextInput
          label={t('auth:invite.name')}
          autoComplete="name"
          required
          {...form.register('name')}
          error={translateFieldError(t, errors.name?.message)}
        />
        <PasswordInput
          label={t('auth:invite.password')}
          description={t('auth:reset.intro', { count: PASSWORD_MIN })}
          autoComplete="new-password"
          required
          visibilityToggleButtonProps={{ 'aria-label': t('auth:showPassword') }}
          {...form.register('password')}
          error={translateFieldError(t, errors.password?.message)}
        />
        <Controller
          control={form.control}
          name="preferredLanguage"
          render={({ field }) => (
            <NativeSelect
              label={t('auth:invite.language')}
              {...field}
              error={translateFieldError(t, errors.preferredLanguage?.message)}
            >
              <LanguageOptions />
            </NativeSelect>
          )}
        />
        <Button type="submit" loading={form.formState.isSubmitting}>
          {t('auth:invite.submit')}
        </Button>
      </Stack>
    </form>
  );
}

export function AcceptInvitationRoute() {
  const { t } = useTranslation(['auth', 'common', 'errors']);
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const preview = useInvitationPreview(token);
  const changeLanguage = useChangeLanguage();
  const invitedLanguage: Language | undefined = preview.data?.language;

  // Open in the language the inviter chose, unless this device already has a choice.
  useEffect(() => {
    if (invitedLanguage && !readStoredLanguage()) void changeLanguage(invitedLanguage);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [invitedLanguage]);

  const invalid = token.length < 16 || (isApiError(preview.error) && preview.error.code === 'INVITATION_INVALID');

  return (
    <Paper withBorder shadow="xs" p="lg">
      <Title order={1} size="h2" mb="xs" id="invite-title">
        {t('auth:invite.title')}
      </Title>
      {invalid ? (
        <Stack>
          <Alert color="red" variant="light" role="alert">
            {t('errors:INVITATION_INVALID')}
          </Alert>
          <Anchor component={Link} to="/sign-in">
            {t('auth:backToSignIn')}
          </Anchor>
        </Stack>
      ) : preview.isPending ? (
        <PageSkeleton lines={3} />
      ) : preview.error ? (
        <ErrorAlert error={preview.error} onRetry={() => void preview.refetch()} />
      ) : (
        <Stack>
          <Text>
            {preview.data.organisationName
              ? t('auth:invite.intro', {
                  organisation: preview.data.organisationName,
                  network: preview.data.networkName,
                  role: t(`common:roles.${preview.data.role}`),
                })
              : t('auth:invite.introNetwork', {
                  network: preview.data.networkName,
                  role: t(`common:roles.${preview.data.role}`),
                })}
          </Text>
          {preview.data.existingAccount ? (
            <Alert color="blue" variant="light">
              {t('auth:invite.existingAccount')}
            </Alert>
          ) : null}
          {preview.data.existingAccount ? (
            <ExistingAccountAccept token={token} />
          ) : (
            <AcceptForm token={token} preview={preview.data} />
          )}
        </Stack>
      )}
    </Paper>
  );
}
