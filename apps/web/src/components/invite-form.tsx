import { useState } from 'react';
import { Button, NativeSelect, Stack, TextInput } from '@mantine/core';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { invitationCreateSchema, type InvitationCreate } from '@tadamon/shared';
import type { z } from 'zod';
import { applyServerErrors, schemaResolver, translateFieldError } from '../lib/form';
import { isLanguage } from '../lib/languages';
import type { OrganisationRole } from '../lib/types';
import { ErrorAlert } from './error-alert';
import { LanguageOptions } from './language-options';

type InviteValues = z.input<typeof invitationCreateSchema>;

interface InviteFormProps {
  roles: readonly OrganisationRole[];
  /** Fixed organisation (a leader inviting to their own), or a list to choose from (a coordinator). */
  organisationId?: string;
  organisations?: { id: string; name: string }[];
  onSubmit: (values: InvitationCreate) => Promise<unknown>;
  onDone: () => void;
}

export function InviteForm({ roles, organisationId, organisations, onSubmit, onDone }: InviteFormProps) {
  const { t, i18n } = useTranslation('common');
  const [error, setError] = useState<unknown>(null);
  const form = useForm<InviteValues, unknown, InvitationCreate>({
    resolver: schemaResolver(invitationCreateSchema),
    defaultValues: {
      email: '',
      role: roles[0],
      organisationId: organisationId ?? undefined,
      language: isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'en',
    },
  });
  const { errors, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async (values) => {
    setError(null);
    try {
      await onSubmit(values);
      onDone();
    } catch (cause) {
      const onField = applyServerErrors(cause, form.setError, {
        fields: ['email', 'role', 'organisationId', 'language'],
        codes: { EMAIL_TAKEN: 'email', ALREADY_MEMBER: 'email' },
      });
      if (!onField) setError(cause);
    }
  });

  return (
    <form onSubmit={submit} noValidate aria-label={t('invite.title')}>
      <Stack gap="md">
        <ErrorAlert error={error} />
        <TextInput
          type="email"
          autoComplete="off"
          label={t('invite.email')}
          required
          {...form.register('email')}
          error={translateFieldError(t, errors.email?.message)}
        />
        {organisations ? (
          <Controller
            control={form.control}
            name="organisationId"
            render={({ field }) => (
              <NativeSelect
                label={t('invite.organisation')}
                required
                {...field}
                value={field.value ?? ''}
                onChange={(event) => field.onChange(event.currentTarget.value || undefined)}
                error={translateFieldError(t, errors.organisationId?.message)}
              >
                <option value="">{t('invite.chooseOrganisation')}</option>
                {organisations.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.name}
                  </option>
                ))}
              </NativeSelect>
            )}
          />
        ) : null}
        <Controller
          control={form.control}
          name="role"
          render={({ field }) => (
            <NativeSelect
              label={t('invite.role')}
              {...field}
              error={translateFieldError(t, errors.role?.message)}
              data={roles.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
            />
          )}
        />
        <Controller
          control={form.control}
          name="language"
          render={({ field }) => (
            <NativeSelect
              label={t('invite.language')}
              description={t('invite.languageHint')}
              {...field}
              error={translateFieldError(t, errors.language?.message)}
            >
              <LanguageOptions />
            </NativeSelect>
          )}
        />
        <Button type="submit" loading={isSubmitting}>
          {t('invite.submit')}
        </Button>
      </Stack>
    </form>
  );
}
