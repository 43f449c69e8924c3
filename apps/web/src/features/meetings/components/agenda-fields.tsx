import { Button, CloseButton, NumberInput, Stack, TextInput } from '@mantine/core';
import { Controller, useFieldArray, type Control, type FieldErrors, type UseFormRegister } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { translateFieldError } from '../../../lib/form';
import type { MeetingFormValues } from './meeting-form-values';

/** The ordered agenda: title, presenter and minutes per item; order is the order on screen. */
export function AgendaFields({
  control,
  register,
  errors,
}: {
  control: Control<MeetingFormValues>;
  register: UseFormRegister<MeetingFormValues>;
  errors: FieldErrors<MeetingFormValues>;
}) {
  const { t } = useTranslation(['meetings', 'validation']);
  const items = useFieldArray({ control, name: 'agenda' });
  return (
    <Stack gap="xs" component="fieldset" className="meeting-form__fieldset">
      <legend>{t('meetings:form.agenda')}</legend>
      {items.fields.map((field, index) => (
        <div key={field.id} className="meeting-form__agenda-row">
          <TextInput
            label={t('meetings:form.agendaTitle', { number: index + 1 })}
            {...register(`agenda.${index}.title`)}
            error={translateFieldError(t, errors.agenda?.[index]?.title?.message)}
          />
          <TextInput label={t('meetings:form.agendaPresenter')} {...register(`agenda.${index}.presenter`)} />
          <Controller
            control={control}
            name={`agenda.${index}.durationMinutes`}
            render={({ field: minutes }) => (
              <NumberInput
                label={t('meetings:form.agendaMinutes')}
                min={1}
                max={600}
                value={minutes.value}
                onChange={(value) => minutes.onChange(typeof value === 'number' ? value : Number(value) || 0)}
                error={translateFieldError(t, errors.agenda?.[index]?.durationMinutes?.message)}
              />
            )}
          />
          <CloseButton aria-label={t('meetings:form.agendaRemove', { number: index + 1 })} onClick={() => items.remove(index)} />
        </div>
      ))}
      <Button variant="subtle" w="fit-content" onClick={() => items.append({ title: '', presenter: '', durationMinutes: 15 })}>
        {t('meetings:form.agendaAdd')}
      </Button>
    </Stack>
  );
}
