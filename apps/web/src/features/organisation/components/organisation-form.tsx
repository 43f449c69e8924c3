import { useMemo, useState } from 'react';
import { Alert, Button, Checkbox, Group, NativeSelect, Stack, TextInput, Textarea } from '@mantine/core';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ORGANISATION_TYPES, organisationUpdateSchema } from '@tadamon/shared';
import type { z } from 'zod';
import { ErrorAlert } from '../../../components/error-alert';
import { applyServerErrors, schemaResolver, translateFieldError } from '../../../lib/form';
import { COUNTRY_CODES, supportedTimeZones, useFormatters } from '../../../lib/intl';
import { LANGUAGES, LANGUAGE_NAMES } from '../../../lib/languages';
import type { OrganisationDetail } from '../../../lib/types';
import { useUpdateOrganisation, type OrganisationUpdate } from '../api/update-organisation';
import { inLanguage } from '../../../components/in-language';

type Values = z.input<typeof organisationUpdateSchema>;
const FIELDS = ['name', 'type', 'country', 'city', 'description', 'website', 'contactEmail', 'phone', 'languages', 'timeZone'] as const;

/** An emptied optional contact field means "none": it is sent as null so the API clears it. */
const blankAsNull = { setValueAs: (value: unknown) => (value === '' ? null : value) };

/** Leaders edit their organisation's contact page; coordinators any in their network. */
export function OrganisationForm({ organisation, onSaved }: { organisation: OrganisationDetail; onSaved: () => void }) {
  const { t } = useTranslation(['organisation', 'common', 'validation', 'errors']);
  const format = useFormatters();
  const update = useUpdateOrganisation(organisation.id);
  const [error, setError] = useState<unknown>(null);
  const countries = useMemo(
    () =>
      COUNTRY_CODES.map((code) => ({ value: code, label: format.country(code) })).sort((a, b) =>
        format.compare(a.label, b.label),
      ),
    [format],
  );
  const zones = useMemo(() => {
    const all = supportedTimeZones();
    return all.includes(organisation.timeZone) ? all : [organisation.timeZone, ...all];
  }, [organisation.timeZone]);
  // Languages other than the interface's five (Bambara, Wolof…) are kept as they are.
  const otherLanguages = organisation.languages.filter((code) => !(LANGUAGES as readonly string[]).includes(code));
  const form = useForm<Values, unknown, OrganisationUpdate>({
    resolver: schemaResolver(organisationUpdateSchema),
    defaultValues: {
      name: organisation.name,
      type: organisation.type,
      country: organisation.country,
      city: organisation.city,
      description: organisation.description,
      website: organisation.website ?? '',
      contactEmail: organisation.contactEmail ?? '',
      phone: organisation.phone ?? '',
      languages: organisation.languages.filter((code) => (LANGUAGES as readonly string[]).includes(code)),
      timeZone: organisation.timeZone,
    },
  });
  const { errors } = form.formState;
  const fieldError = (name: (typeof FIELDS)[number]) => translateFieldError(t, errors[name]?.message as string | undefined);

  const submit = form.handleSubmit(async (values) => {
    setError(null);
    try {
      await update.mutateAsync({ ...values, languages: [...(values.languages ?? []), ...otherLanguages] });
      onSaved();
    } catch (cause) {
      if (!applyServerErrors(cause, form.setError, { fields: FIELDS, codes: { CONFLICT: 'name' } })) setError(cause);
    }
  });

  return (
    <form onSubmit={submit} noValidate aria-labelledby="edit-organisation-title">
      <Stack gap="md" maw={560}>
        <ErrorAlert error={error} />
        <TextInput label={t('organisation:edit.name')} required dir="auto" {...form.register('name')} error={fieldError('name')} />
        <NativeSelect label={t('organisation:edit.type')} {...form.register('type')} error={fieldError('type')}>
          {ORGANISATION_TYPES.map((type) => (
            <option key={type} value={type}>
              {t(`common:organisationTypes.${type}`)}
            </option>
          ))}
        </NativeSelect>
        <Group grow align="flex-start">
          <NativeSelect label={t('organisation:edit.country')} {...form.register('country')} error={fieldError('country')}>
            {countries.map((country) => (
              <option key={country.value} value={country.value}>
                {country.label}
              </option>
            ))}
          </NativeSelect>
          <TextInput label={t('organisation:edit.city')} dir="auto" {...form.register('city')} error={fieldError('city')} />
        </Group>
        <NativeSelect
          label={t('organisation:edit.timeZone')}
          description={t('organisation:edit.timeZoneHint')}
          {...form.register('timeZone')}
          error={fieldError('timeZone')}
        >
          {zones.map((zone) => (
            <option key={zone} value={zone}>
              {zone.replaceAll('_', ' ')}
            </option>
          ))}
        </NativeSelect>
        <Textarea
          label={t('organisation:edit.description')}
          rows={6}
          // User text may be Arabic or Latin whatever the interface language.
          dir="auto"
          {...form.register('description')}
          error={fieldError('description')}
        />
        <TextInput
          label={t('organisation:edit.contactEmail')}
          type="email"
          dir="ltr"
          {...form.register('contactEmail', blankAsNull)}
          error={fieldError('contactEmail')}
        />
        <TextInput label={t('organisation:edit.phone')} type="tel" dir="ltr" {...form.register('phone', blankAsNull)} error={fieldError('phone')} />
        <TextInput
          label={t('organisation:edit.website')}
          type="url"
          dir="ltr"
          placeholder="https://"
          {...form.register('website', blankAsNull)}
          error={fieldError('website')}
        />
        <Controller
          control={form.control}
          name="languages"
          render={({ field }) => (
            <Checkbox.Group
              label={t('organisation:edit.languages')}
              value={field.value ?? []}
              onChange={field.onChange}
              error={fieldError('languages')}
            >
              <Group mt="xs">
                {LANGUAGES.map((language) => (
                  <Checkbox key={language} value={language} label={<span {...inLanguage(language)}>{LANGUAGE_NAMES[language]}</span>} />
                ))}
              </Group>
            </Checkbox.Group>
          )}
        />
        <Button type="submit" loading={form.formState.isSubmitting} w="fit-content">
          {t('organisation:edit.save')}
        </Button>
        {update.isSuccess ? (
          <Alert color="green" variant="light" role="status">
            {t('organisation:edit.saved')}
          </Alert>
        ) : null}
      </Stack>
    </form>
  );
}
