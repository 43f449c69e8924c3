import { useMemo, useState } from 'react';
import { Button, Checkbox, Group, NativeSelect, NumberInput, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { MEETING_FORMATS, REMINDER_CHOICES, meetingCreateSchema, type MeetingCreate, type MeetingDetail } from '@tadamon/shared';
import { ErrorAlert } from '../../../components/error-alert';
import { isApiError } from '../../../lib/api-client';
import { applyServerErrors, schemaResolver, translateFieldError } from '../../../lib/form';
import { useCreatePoll } from '../api/create-poll';
import { supportedTimeZones } from '../../../lib/intl';
import { useNetworkOrganisations } from '../../../api/get-network-organisations';
import { useSaveMeeting } from '../api/save-meeting';
import { AgendaFields } from './agenda-fields';
import { InvitedOrganisationsPicker } from './invited-organisations-picker';
import { InvitedTimes } from './invited-times';
import { PollSlotsFields, type SlotValue } from './poll-slots-fields';
import {
  MEETING_LANGUAGE_CHOICES,
  REPEAT_CHOICES,
  REPEAT_LABELS,
  joinRecurrence,
  splitRecurrence,
  type MeetingFormValues,
  type RepeatChoice,
} from './meeting-form-values';
import { useMeetingTime } from './use-meeting-time';

const SERVER_FIELDS = [
  'title', 'description', 'hostOrganisationId', 'invitedOrganisationIds', 'format', 'address', 'onlineUrl', 'startLocal',
  'endLocal', 'timeZone', 'recurrence', 'capacity', 'registrationDeadlineLocal', 'languages', 'interpretationNeeds',
] as const;

export interface HostChoice {
  id: string;
  name: string;
  networkId: string;
}

/** Create or edit a meeting. Times are typed as wall-clock times in the chosen zone. */
export function MeetingForm({
  hosts,
  initial,
  existing,
  onSaved,
}: {
  hosts: HostChoice[];
  initial: MeetingFormValues;
  existing: MeetingDetail | null;
  onSaved: (meeting: MeetingDetail) => void;
}) {
  const { t } = useTranslation(['meetings', 'validation', 'errors']);
  const time = useMeetingTime();
  const save = useSaveMeeting(existing?.id ?? null);
  const createPoll = useCreatePoll();
  // "Find a time": only for a new meeting; the invited people choose among proposed times.
  const [findATime, setFindATime] = useState(false);
  const [slots, setSlots] = useState<SlotValue[]>([{ startLocal: initial.startLocal, endLocal: initial.endLocal }]);
  const [slotErrors, setSlotErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [repeat, setRepeat] = useState(() => splitRecurrence(initial.recurrence));
  const form = useForm<MeetingFormValues, unknown, MeetingCreate>({ resolver: schemaResolver(meetingCreateSchema), defaultValues: initial });
  const { errors } = form.formState;
  const hostId = form.watch('hostOrganisationId');
  const format = form.watch('format');
  const wholeNetwork = form.watch('wholeNetwork');
  const networkId = hosts.find((h) => h.id === hostId)?.networkId ?? null;
  const organisations = useNetworkOrganisations(networkId);
  const invitable = useMemo(() => (organisations.data?.items ?? []).filter((o) => o.id !== hostId), [organisations.data, hostId]);
  const invitedIds = form.watch('invitedOrganisationIds');
  const invited = useMemo(() => {
    if (wholeNetwork) return invitable;
    const ids = new Set(invitedIds ?? []);
    return invitable.filter((o) => ids.has(o.id));
  }, [invitable, invitedIds, wholeNetwork]);
  const [startLocal, endLocal, timeZone] = form.watch(['startLocal', 'endLocal', 'timeZone']);
  const zones = useMemo(() => {
    const all = supportedTimeZones();
    if (!all.includes(initial.timeZone)) all.unshift(initial.timeZone);
    return all.map((zone) => ({ value: zone, label: time.zoneLabel(zone) }));
  }, [initial.timeZone, time]);
  const fieldError = (message: string | undefined) => translateFieldError(t, message);

  const submit = form.handleSubmit(async (values) => {
    setError(null);
    setSlotErrors({});
    try {
      if (findATime) {
        const { startLocal: _s, endLocal: _e, recurrence: _r, registrationDeadlineLocal: _d, ...rest } = values;
        onSaved(await createPoll.mutateAsync({ ...rest, slots }));
      } else {
        onSaved(await save.mutateAsync(values));
      }
    } catch (cause) {
      const forSlots = isApiError(cause)
        ? Object.fromEntries(Object.entries(cause.fields).flatMap(([path, issues]) => (path.startsWith('slots') && issues[0] ? [[path, issues[0].message]] : [])))
        : {};
      setSlotErrors(forSlots);
      if (!applyServerErrors(cause, form.setError, { fields: SERVER_FIELDS }) && Object.keys(forSlots).length === 0) setError(cause);
    }
  });
  const setRecurrence = (next: { repeat: RepeatChoice; count: number }) => {
    setRepeat(next);
    form.setValue('recurrence', joinRecurrence(next.repeat, next.count), { shouldDirty: true });
  };

  return (
    <form onSubmit={submit} noValidate data-testid="meeting-form">
      <Stack gap="md" maw={760}>
        <ErrorAlert error={error} />
        <TextInput label={t('meetings:form.title')} required {...form.register('title')} error={fieldError(errors.title?.message)} />
        <Textarea label={t('meetings:form.description')} autosize minRows={3} {...form.register('description')} error={fieldError(errors.description?.message)} />
        <NativeSelect label={t('meetings:form.host')} disabled={!!existing} {...form.register('hostOrganisationId')} error={fieldError(errors.hostOrganisationId?.message)}>
          {hosts.map((h) => (
            <option key={h.id} value={h.id}>
              {h.name}
            </option>
          ))}
        </NativeSelect>
        <Controller
          control={form.control}
          name="wholeNetwork"
          render={({ field }) => (
            <Checkbox label={t('meetings:form.wholeNetwork')} checked={!!field.value} onChange={(e) => field.onChange(e.currentTarget.checked)} />
          )}
        />
        {!wholeNetwork ? (
          <Controller
            control={form.control}
            name="invitedOrganisationIds"
            render={({ field }) => (
              <InvitedOrganisationsPicker
                organisations={invitable}
                value={field.value ?? []}
                onChange={field.onChange}
                error={fieldError(errors.invitedOrganisationIds?.message)}
              />
            )}
          />
        ) : null}
        <NativeSelect label={t('meetings:form.format')} {...form.register('format')}>
          {MEETING_FORMATS.map((f) => (
            <option key={f} value={f}>
              {t(`meetings:format.${f}`)}
            </option>
          ))}
        </NativeSelect>
        {format !== 'ONLINE' ? (
          <Controller control={form.control} name="address" render={({ field }) => (
            <TextInput label={t('meetings:form.address')} value={field.value ?? ''} onChange={(e) => field.onChange(e.currentTarget.value || null)} error={fieldError(errors.address?.message)} />
          )} />
        ) : null}
        {format !== 'IN_PERSON' ? (
          <Controller control={form.control} name="onlineUrl" render={({ field }) => (
            <TextInput label={t('meetings:form.onlineUrl')} type="url" dir="ltr" value={field.value ?? ''} onChange={(e) => field.onChange(e.currentTarget.value || null)} error={fieldError(errors.onlineUrl?.message)} />
          )} />
        ) : null}
        {!existing ? (
          <Checkbox
            label={t('meetings:poll.findATime')}
            description={t('meetings:poll.findATimeHint')}
            checked={findATime}
            onChange={(e) => setFindATime(e.currentTarget.checked)}
            data-testid="find-a-time"
          />
        ) : null}
        {findATime ? (
          <PollSlotsFields slots={slots} onChange={setSlots} errors={slotErrors} />
        ) : (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('meetings:form.start')} type="datetime-local" required {...form.register('startLocal')} error={fieldError(errors.startLocal?.message)} />
            <TextInput label={t('meetings:form.end')} type="datetime-local" required {...form.register('endLocal')} error={fieldError(errors.endLocal?.message)} />
          </SimpleGrid>
        )}
        <Controller
          control={form.control}
          name="timeZone"
          render={({ field }) => (
            <Select
              label={t('meetings:form.timeZone')}
              description={t('meetings:form.timeZoneHint')}
              searchable
              limit={50}
              data={zones}
              value={field.value}
              onChange={(value) => field.onChange(value ?? initial.timeZone)}
              nothingFoundMessage={t('meetings:form.noTimeZone')}
              allowDeselect={false}
              error={fieldError(errors.timeZone?.message)}
              data-testid="time-zone"
            />
          )}
        />
        {!findATime ? <InvitedTimes startLocal={startLocal} endLocal={endLocal} timeZone={timeZone} organisations={invited} /> : null}
        <Group align="flex-end" display={findATime ? 'none' : undefined}>
          <NativeSelect label={t('meetings:form.repeat')} value={repeat.repeat} onChange={(e) => setRecurrence({ ...repeat, repeat: e.currentTarget.value as RepeatChoice })}>
            {REPEAT_CHOICES.map((choice) => (
              <option key={choice} value={choice}>
                {t(`meetings:repeat.${REPEAT_LABELS[choice]}`)}
              </option>
            ))}
          </NativeSelect>
          {repeat.repeat !== 'none' ? (
            <NumberInput label={t('meetings:form.repeatCount')} min={1} max={200} value={repeat.count} onChange={(v) => setRecurrence({ ...repeat, count: Number(v) || 1 })} maw={160} />
          ) : null}
        </Group>
        {errors.recurrence?.message ? <Text c="red" size="sm">{fieldError(errors.recurrence.message)}</Text> : null}
        <Controller
          control={form.control}
          name="languages"
          render={({ field }) => (
            <Checkbox.Group label={t('meetings:form.languages')} value={field.value ?? []} onChange={field.onChange}>
              <Group gap="sm" mt="xs">
                {MEETING_LANGUAGE_CHOICES.map((code) => (
                  <Checkbox key={code} value={code} label={time.languageName(code)} />
                ))}
              </Group>
            </Checkbox.Group>
          )}
        />
        <TextInput label={t('meetings:form.interpretation')} {...form.register('interpretationNeeds')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Controller control={form.control} name="capacity" render={({ field }) => (
            <NumberInput label={t('meetings:form.capacity')} description={t('meetings:form.capacityHint')} min={1} value={field.value ?? ''} onChange={(v) => field.onChange(typeof v === 'number' ? v : null)} error={fieldError(errors.capacity?.message)} />
          )} />
          {!findATime ? (
            <Controller control={form.control} name="registrationDeadlineLocal" render={({ field }) => (
              <TextInput label={t('meetings:form.deadline')} type="datetime-local" value={field.value ?? ''} onChange={(e) => field.onChange(e.currentTarget.value || null)} error={fieldError(errors.registrationDeadlineLocal?.message)} />
            )} />
          ) : null}
        </SimpleGrid>
        <Controller
          control={form.control}
          name="reminderMinutes"
          render={({ field }) => (
            <Checkbox.Group
              label={t('meetings:form.reminders')}
              description={t('meetings:form.remindersHint')}
              value={(field.value ?? []).map(String)}
              onChange={(values) => field.onChange(values.map(Number))}
            >
              <Group gap="sm" mt="xs">
                {REMINDER_CHOICES.map((minutes) => (
                  <Checkbox key={minutes} value={String(minutes)} label={t(`meetings:reminderChoice.m${minutes}`)} />
                ))}
              </Group>
            </Checkbox.Group>
          )}
        />
        <AgendaFields control={form.control} register={form.register} errors={errors} />
        <Button type="submit" loading={form.formState.isSubmitting} w="fit-content" data-testid="save-meeting">
          {existing ? t('meetings:form.save') : findATime ? t('meetings:poll.create') : t('meetings:form.create')}
        </Button>
      </Stack>
    </form>
  );
}
