import { useMemo, useState } from 'react';
import { Button, Group, NativeSelect, Stack, TextInput, Textarea } from '@mantine/core';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { networkCreateSchema, type NetworkAdmin } from '@tadamon/shared';
import { ErrorAlert } from '../../../components/error-alert';
import { applyServerErrors, schemaResolver, translateFieldError } from '../../../lib/form';
import { supportedTimeZones } from '../../../lib/intl';
import type { Language } from '../../../lib/languages';
import { useCreateNetwork } from '../api/create-network';
import { useUpdateNetwork } from '../api/update-network';
import { LanguageOrderField } from './language-order-field';

type Values = z.input<typeof networkCreateSchema>;
type Output = z.output<typeof networkCreateSchema>;

interface NetworkFormProps {
  /** Editing this network; without it the form creates a new one. */
  network?: NetworkAdmin;
  onDone: () => void;
}

/** Name, description, languages in fallback order and time zone of a network. */
export function NetworkForm({ network, onDone }: NetworkFormProps) {
  const { t } = useTranslation('admin');
  const create = useCreateNetwork();
  const update = useUpdateNetwork(network?.id ?? '');
  const [error, setError] = useState<unknown>(null);
  const zones = useMemo(() => supportedTimeZones(), []);
  const form = useForm<Values, unknown, Output>({
    resolver: schemaResolver(networkCreateSchema),
    defaultValues: {
      name: network?.name ?? '',
      description: network?.description ?? '',
      languages: (network?.languages as Language[] | undefined) ?? ['en'],
      timeZone: network?.timeZone ?? 'UTC',
    },
  });
  const { errors, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async (values) => {
    setError(null);
    try {
      if (network) await update.mutateAsync(values);
      else await create.mutateAsync(values);
      onDone();
    } catch (cause) {
      const onField = applyServerErrors(cause, form.setError, {
        fields: ['name', 'description', 'languages', 'timeZone'],
        codes: { CONFLICT: 'name' },
      });
      if (!onField) setError(cause);
    }
  });

  const title = network ? t('networks.editNamed', { name: network.name }) : t('networks.new');
  return (
    <form onSubmit={submit} noValidate aria-label={title}>
      <Stack gap="md">
        <ErrorAlert error={error} />
        <TextInput
          label={t('networks.name')}
          required
          {...form.register('name')}
          error={translateFieldError(t, errors.name?.message)}
        />
        <Textarea
          label={t('networks.description')}
          rows={3}
          {...form.register('description')}
          error={translateFieldError(t, errors.description?.message)}
        />
        <Controller
          control={form.control}
          name="languages"
          render={({ field }) => (
            <LanguageOrderField
              value={field.value as Language[]}
              onChange={field.onChange}
              error={translateFieldError(t, errors.languages?.message ?? errors.languages?.root?.message)}
            />
          )}
        />
        <Controller
          control={form.control}
          name="timeZone"
          render={({ field }) => (
            <NativeSelect
              label={t('networks.timeZone')}
              description={t('networks.timeZoneHint')}
              {...field}
              error={translateFieldError(t, errors.timeZone?.message)}
              data={zones}
            />
          )}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common:actions.cancel')}
          </Button>
          <Button type="submit" loading={isSubmitting}>
            {network ? t('networks.save') : t('networks.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

