import { useState } from 'react';
import { Button, Group, NativeSelect, NumberInput, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { REPORT_METRICS, REPORT_METRIC_KIND, reportTargetCreateSchema, type ReportTarget } from '@tadamon/shared';
import { ErrorAlert } from '../../../components/error-alert';
import { applyServerErrors, schemaResolver, translateFieldError } from '../../../lib/form';
import { COUNTRY_CODES, useFormatters } from '../../../lib/intl';
import { useCreateReportTarget } from '../api/create-report-target';
import { useUpdateReportTarget } from '../api/update-report-target';

type Values = z.input<typeof reportTargetCreateSchema>;
type Output = z.output<typeof reportTargetCreateSchema>;
const FIELDS = ['metric', 'country', 'targetValue', 'periodStart', 'periodEnd', 'note'] as const;

interface TargetFormProps {
  networkId: string;
  /** Editing this target; without it the form creates a new one. */
  target?: ReportTarget;
  onDone: () => void;
}

/** What to reach (a count or a percentage), where (the network or one country) and by when. */
export function TargetForm({ networkId, target, onDone }: TargetFormProps) {
  const { t } = useTranslation('reportTargets');
  const format = useFormatters();
  const create = useCreateReportTarget();
  const update = useUpdateReportTarget();
  const [error, setError] = useState<unknown>(null);
  const form = useForm<Values, unknown, Output>({
    resolver: schemaResolver(reportTargetCreateSchema),
    defaultValues: {
      metric: target?.metric ?? 'CERTIFIED_VOLUNTEERS',
      country: target?.country ?? null,
      targetValue: target?.targetValue ?? ('' as unknown as number),
      periodStart: target?.periodStart ?? '',
      periodEnd: target?.periodEnd ?? '',
      note: target?.note ?? '',
    },
  });
  const { errors, isSubmitting } = form.formState;
  const metric = form.watch('metric');
  const percentage = REPORT_METRIC_KIND[metric] === 'percentage';

  const submit = form.handleSubmit(async (values) => {
    setError(null);
    try {
      if (target) await update.mutateAsync({ id: target.id, body: values });
      else await create.mutateAsync({ networkId, body: values });
      onDone();
    } catch (cause) {
      if (!applyServerErrors(cause, form.setError, { fields: FIELDS })) setError(cause);
    }
  });

  const title = target ? t('form.editTitle') : t('form.newTitle');
  const fieldError = (name: (typeof FIELDS)[number]) => translateFieldError(t, errors[name]?.message);
  return (
    <form onSubmit={submit} noValidate aria-label={title} data-testid="target-form">
      <Stack gap="md">
        <ErrorAlert error={error} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect
            label={t('form.metric')}
            required
            {...form.register('metric')}
            error={fieldError('metric')}
            data={REPORT_METRICS.map((m) => ({ value: m, label: t(`metrics.${m}`) }))}
          />
          <Controller
            control={form.control}
            name="country"
            render={({ field }) => (
              <NativeSelect
                label={t('form.scope')}
                value={field.value ?? ''}
                onChange={(event) => field.onChange(event.currentTarget.value || null)}
                onBlur={field.onBlur}
                error={fieldError('country')}
                data={[
                  { value: '', label: t('wholeNetwork') },
                  ...COUNTRY_CODES.map((code) => ({ value: code, label: format.country(code) })).sort((a, b) => format.compare(a.label, b.label)),
                ]}
              />
            )}
          />
          <Controller
            control={form.control}
            name="targetValue"
            render={({ field }) => (
              <NumberInput
                label={percentage ? t('form.valuePercentage') : t('form.valueCount')}
                description={percentage ? t('form.valuePercentageHint') : undefined}
                required
                min={0}
                allowDecimal={false}
                allowNegative={false}
                thousandSeparator={percentage ? undefined : ' '}
                value={field.value as number | string}
                onChange={(value) => field.onChange(value === '' ? undefined : value)}
                onBlur={field.onBlur}
                error={fieldError('targetValue')}
              />
            )}
          />
          <TextInput label={t('form.note')} description={t('form.noteHint')} {...form.register('note')} error={fieldError('note')} />
          <TextInput type="date" label={t('form.periodStart')} required {...form.register('periodStart')} error={fieldError('periodStart')} />
          <TextInput type="date" label={t('form.periodEnd')} required {...form.register('periodEnd')} error={fieldError('periodEnd')} />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common:actions.cancel')}
          </Button>
          <Button type="submit" loading={isSubmitting}>
            {target ? t('form.save') : t('form.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
