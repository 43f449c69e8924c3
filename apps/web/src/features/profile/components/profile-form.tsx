import { useMemo, useState } from 'react';
import { Alert, Button, Card, NativeSelect, Select, Stack, TextInput, Title } from '@mantine/core';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { profileUpdateSchema, type ProfileUpdate } from '@tadamon/shared';
import type { z } from 'zod';
import { ErrorAlert } from '../../../components/error-alert';
import { applyServerErrors, schemaResolver, translateFieldError } from '../../../lib/form';
import { i18n } from '../../../lib/i18n';
import { supportedTimeZones } from '../../../lib/intl';
import { storeLanguage } from '../../../lib/languages';
import type { CurrentUser } from '../../../lib/types';
import { useUpdateProfile } from '../api/update-profile';
import { LanguageOptions } from '../../../components/language-options';

type Values = z.input<typeof profileUpdateSchema>;

export function ProfileForm({ user }: { user: CurrentUser }) {
  const { t } = useTranslation(['profile', 'validation', 'errors']);
  const update = useUpdateProfile();
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const zones = useMemo(() => {
    const all = supportedTimeZones();
    if (!all.includes(user.timeZone)) all.unshift(user.timeZone);
    return all.map((zone) => ({ value: zone, label: zone.replaceAll('_', ' ') }));
  }, [user.timeZone]);
  const form = useForm<Values, unknown, ProfileUpdate>({
    resolver: schemaResolver(profileUpdateSchema),
    defaultValues: { name: user.name, preferredLanguage: user.preferredLanguage, timeZone: user.timeZone },
  });
  const { errors } = form.formState;

  const submit = form.handleSubmit(async (values) => {
    setError(null);
    setSaved(false);
    try {
      const updated = await update.mutateAsync(values);
      form.reset({ name: updated.name, preferredLanguage: updated.preferredLanguage, timeZone: updated.timeZone });
      setSaved(true);
      if (updated.preferredLanguage !== i18n.resolvedLanguage) {
        storeLanguage(updated.preferredLanguage);
        await i18n.changeLanguage(updated.preferredLanguage);
      }
    } catch (cause) {
      const onField = applyServerErrors(cause, form.setError, { fields: ['name', 'preferredLanguage', 'timeZone'] });
      if (!onField) setError(cause);
    }
  });

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="profile-details">
      <Title order={2} size="h3" mb="md" id="profile-details">
        {t('profile:details.title')}
      </Title>
      <form onSubmit={submit} noValidate>
        <Stack gap="md" maw={480}>
          <ErrorAlert error={error} />
          {saved ? (
            <Alert color="green" variant="light" role="status">
              {t('profile:details.saved')}
            </Alert>
          ) : null}
          {user.email ? <TextInput label={t('profile:details.email')} value={user.email} readOnly /> : null}
          <TextInput
            label={t('profile:details.name')}
            autoComplete="name"
            required
            {...form.register('name')}
            error={translateFieldError(t, errors.name?.message)}
          />
          <Controller
            control={form.control}
            name="preferredLanguage"
            render={({ field }) => (
              <NativeSelect
                label={t('profile:details.language')}
                {...field}
                error={translateFieldError(t, errors.preferredLanguage?.message)}
              >
                <LanguageOptions />
              </NativeSelect>
            )}
          />
          <Controller
            control={form.control}
            name="timeZone"
            render={({ field }) => (
              <Select
                label={t('profile:details.timeZone')}
                description={t('profile:details.timeZoneHint')}
                searchable
                limit={50}
                data={zones}
                value={field.value ?? null}
                onChange={(value) => field.onChange(value ?? undefined)}
                onBlur={field.onBlur}
                nothingFoundMessage={t('profile:details.noTimeZone')}
                error={translateFieldError(t, errors.timeZone?.message)}
                allowDeselect={false}
              />
            )}
          />
          <Button type="submit" loading={form.formState.isSubmitting} disabled={!form.formState.isDirty} w="fit-content">
            {t('profile:details.save')}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}
