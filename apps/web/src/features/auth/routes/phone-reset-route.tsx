import { useState } from 'react';
import { Alert, Anchor, Button, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from 'react-hook-form';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PASSWORD_MIN, smsResetConfirmSchema, smsResetRequestSchema } from '@tadamon/shared';
import type { z } from 'zod';
import { ErrorAlert } from '../../../components/error-alert';
import { applyServerErrors, schemaResolver, translateFieldError } from '../../../lib/form';
import { useConfirmSmsReset } from '../api/confirm-sms-reset';
import { useRequestSmsReset } from '../api/request-sms-reset';

/** Password reset for accounts with a phone: the number, then the 6-digit code and a new password. */
export function PhoneResetRoute() {
  const { t } = useTranslation(['auth']);
  const [phone, setPhone] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  return (
    <Paper withBorder shadow="xs" p="lg">
      <Title order={1} size="h2" mb="xs" id="phone-reset-title">
        {t('phoneReset.title')}
      </Title>
      {done ? (
        <Stack>
          <Alert color="green" variant="light" role="status">
            {t('reset.done')}
          </Alert>
          <Anchor component={Link} to="/sign-in">
            {t('signIn.submit')}
          </Anchor>
        </Stack>
      ) : phone ? (
        <CodeStep phone={phone} onDone={() => setDone(true)} onRestart={() => setPhone(null)} />
      ) : (
        <PhoneStep onSent={setPhone} />
      )}
    </Paper>
  );
}

function PhoneStep({ onSent }: { onSent: (phone: string) => void }) {
  const { t } = useTranslation(['auth', 'validation', 'errors']);
  const request = useRequestSmsReset();
  const [error, setError] = useState<unknown>(null);
  const form = useForm<z.input<typeof smsResetRequestSchema>, unknown, z.output<typeof smsResetRequestSchema>>({
    resolver: schemaResolver(smsResetRequestSchema),
    defaultValues: { phone: '' },
  });
  const submit = form.handleSubmit(async (values) => {
    setError(null);
    try {
      await request.mutateAsync(values);
      onSent(values.phone);
    } catch (cause) {
      if (!applyServerErrors(cause, form.setError, { fields: ['phone'] })) setError(cause);
    }
  });
  return (
    <form onSubmit={submit} noValidate aria-labelledby="phone-reset-title">
      <Stack gap="md">
        <Text>{t('phoneReset.intro')}</Text>
        <ErrorAlert error={error} />
        <TextInput
          type="tel"
          dir="ltr"
          label={t('phoneReset.phone')}
          description={t('phoneReset.phoneHint')}
          autoComplete="tel"
          inputMode="tel"
          required
          {...form.register('phone')}
          error={translateFieldError(t, form.formState.errors.phone?.message)}
        />
        <Button type="submit" loading={form.formState.isSubmitting}>
          {t('phoneReset.send')}
        </Button>
        <Anchor component={Link} to="/sign-in" size="sm">
          {t('backToSignIn')}
        </Anchor>
      </Stack>
    </form>
  );
}

function CodeStep({ phone, onDone, onRestart }: { phone: string; onDone: () => void; onRestart: () => void }) {
  const { t } = useTranslation(['auth', 'validation', 'errors']);
  const confirm = useConfirmSmsReset();
  const [error, setError] = useState<unknown>(null);
  const form = useForm<z.input<typeof smsResetConfirmSchema>, unknown, z.output<typeof smsResetConfirmSchema>>({
    resolver: schemaResolver(smsResetConfirmSchema),
    defaultValues: { phone, code: '', password: '' },
  });
  const submit = form.handleSubmit(async (values) => {
    setError(null);
    try {
      await confirm.mutateAsync(values);
      onDone();
    } catch (cause) {
      const onField = applyServerErrors(cause, form.setError, {
        fields: ['code', 'password'],
        codes: { PASSWORD_TOO_COMMON: 'password' },
      });
      if (!onField) setError(cause);
    }
  });
  return (
    <form onSubmit={submit} noValidate aria-labelledby="phone-reset-title">
      <Stack gap="md">
        <Alert color="blue" variant="light" role="status">
          <span>{t('phoneReset.sent')}</span> <bdi dir="ltr">{phone}</bdi>
        </Alert>
        <ErrorAlert error={error} />
        <TextInput
          dir="ltr"
          label={t('phoneReset.code')}
          autoComplete="one-time-code"
          inputMode="numeric"
          maxLength={6}
          required
          {...form.register('code')}
          error={translateFieldError(t, form.formState.errors.code?.message)}
        />
        <PasswordInput
          label={t('reset.newPassword')}
          description={t('reset.intro', { count: PASSWORD_MIN })}
          autoComplete="new-password"
          required
          visibilityToggleButtonProps={{ 'aria-label': t('showPassword') }}
          {...form.register('password')}
          error={translateFieldError(t, form.formState.errors.password?.message)}
        />
        <Button type="submit" loading={form.formState.isSubmitting}>
          {t('reset.submit')}
        </Button>
        <Anchor component="button" type="button" size="sm" onClick={onRestart}>
          {t('phoneReset.again')}
        </Anchor>
      </Stack>
    </form>
  );
}
