import { useState } from 'react';
import { Button, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { volunteerAccountCreateSchema, type VolunteerAccountCreate } from '@tadamon/shared';
import type { z } from 'zod';
import { ErrorAlert } from '../../../components/error-alert';
import { LanguageOptions } from '../../../components/language-options';
import { applyServerErrors, schemaResolver, translateFieldError } from '../../../lib/form';
import { isLanguage } from '../../../lib/languages';

type Values = z.input<typeof volunteerAccountCreateSchema>;

interface Props {
  onSubmit: (values: VolunteerAccountCreate) => Promise<unknown>;
  onDone: () => void;
}

/** Name plus a phone number or a username (or both): for volunteers without e-mail. */
export function VolunteerAccountForm({ onSubmit, onDone }: Props) {
  const { t, i18n } = useTranslation(['organisation', 'common', 'validation', 'errors']);
  const [error, setError] = useState<unknown>(null);
  const form = useForm<Values, unknown, VolunteerAccountCreate>({
    resolver: schemaResolver(volunteerAccountCreateSchema),
    defaultValues: {
      name: '',
      phone: undefined,
      username: undefined,
      preferredLanguage: isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'en',
    },
  });
  const { errors, isSubmitting } = form.formState;
  // Empty boxes mean "not given", not an empty phone number.
  const optional = { setValueAs: (value: string) => (value.trim() === '' ? undefined : value) };

  const submit = form.handleSubmit(async (values) => {
    setError(null);
    try {
      await onSubmit(values);
      onDone();
    } catch (cause) {
      const onField = applyServerErrors(cause, form.setError, {
        fields: ['name', 'phone', 'username', 'preferredLanguage'],
        codes: { PHONE_INVALID: 'phone', PHONE_TAKEN: 'phone', USERNAME_TAKEN: 'username' },
      });
      if (!onField) setError(cause);
    }
  });

  return (
    <form onSubmit={submit} noValidate aria-label={t('organisation:noEmail.title')}>
      <Stack gap="md">
        <Text size="sm">{t('organisation:noEmail.intro')}</Text>
        <ErrorAlert error={error} />
        <TextInput
          label={t('organisation:noEmail.name')}
          autoComplete="off"
          required
          {...form.register('name')}
          error={translateFieldError(t, errors.name?.message)}
        />
        <TextInput
          type="tel"
          label={t('organisation:noEmail.phone')}
          description={t('organisation:noEmail.phoneHint')}
          autoComplete="off"
          dir="ltr"
          {...form.register('phone', optional)}
          error={translateFieldError(t, errors.phone?.message)}
        />
        <TextInput
          label={t('organisation:noEmail.username')}
          description={t('organisation:noEmail.usernameHint')}
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          dir="ltr"
          {...form.register('username', optional)}
          error={translateFieldError(t, errors.username?.message)}
        />
        <Controller
          control={form.control}
          name="preferredLanguage"
          render={({ field }) => (
            <NativeSelect label={t('organisation:noEmail.language')} {...field}>
              <LanguageOptions />
            </NativeSelect>
          )}
        />
        <Button type="submit" loading={isSubmitting}>
          {t('organisation:noEmail.submit')}
        </Button>
      </Stack>
    </form>
  );
}
