import { useState } from 'react';
import { Button, Card, Checkbox, Group, Modal, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { useFormatters } from '../../../lib/intl';
import { useAssignable } from '../api/get-assignable';
import { useAddCohortMembers, useCohort, useCohorts, useCreateCohort } from '../api/cohorts';
import { ProgressTable } from './progress-table';

const dayStart = (date: string) => new Date(`${date}T00:00:00`).toISOString();
const dayEnd = (date: string) => new Date(`${date}T23:59:00`).toISOString();

/** An organisation's cohorts: create one, open it to add members and follow their progress. */
export function CohortsPanel({ organisationId, canAssign }: { organisationId: string; canAssign: boolean }) {
  const { t } = useTranslation('courseProgress');
  const format = useFormatters();
  const cohorts = useCohorts(organisationId);
  const [creating, setCreating] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);
  return (
    <Stack>
      {canAssign ? (
        <Button variant="light" w="fit-content" onClick={() => setCreating(true)}>
          {t('cohorts.create')}
        </Button>
      ) : null}
      <ErrorAlert error={cohorts.error} />
      {cohorts.data?.items.length === 0 ? <Text c="dimmed">{t('cohorts.none')}</Text> : null}
      {cohorts.data?.items.map((c) => (
        <Card key={c.id} withBorder padding="sm">
          <Group justify="space-between" wrap="wrap">
            <Stack gap={2}>
              <Text fw={600}>{c.name}</Text>
              <Text size="sm">{c.courseTitle}</Text>
              <Text size="sm" c="dimmed">
                {t('cohorts.dates', { start: format.date(c.startsAt), end: format.date(c.endsAt) })} ·{' '}
                {t('cohorts.counts', { count: c.members, completed: c.completed })}
              </Text>
            </Stack>
            <Button size="xs" variant="default" onClick={() => setOpenId(c.id)} aria-label={t('cohorts.openNamed', { name: c.name })}>
              {t('cohorts.open')}
            </Button>
          </Group>
        </Card>
      ))}
      <CreateCohortDialog organisationId={organisationId} opened={creating} onClose={() => setCreating(false)} />
      <CohortDialog organisationId={organisationId} cohortId={openId} onClose={() => setOpenId(null)} />
    </Stack>
  );
}

function CreateCohortDialog({ organisationId, opened, onClose }: { organisationId: string; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation('courseProgress');
  const assignable = useAssignable(organisationId, opened);
  const create = useCreateCohort();
  const [form, setForm] = useState({ courseId: '', name: '', starts: '', ends: '' });
  const close = () => {
    setForm({ courseId: '', name: '', starts: '', ends: '' });
    create.reset();
    onClose();
  };
  const ready = form.courseId && form.name.trim() && form.starts && form.ends;
  return (
    <Modal opened={opened} onClose={close} title={t('cohorts.create')}>
      <Stack>
        <NativeSelect label={t('cohorts.course')} value={form.courseId} onChange={(e) => setForm({ ...form, courseId: e.currentTarget.value })} required data-autofocus>
          <option value="">{t('assign.choose')}</option>
          {(assignable.data?.courses ?? []).map((c) => (
            <option key={c.id} value={c.id}>
              {c.title}
            </option>
          ))}
        </NativeSelect>
        <TextInput label={t('cohorts.name')} value={form.name} maxLength={120} required onChange={(e) => setForm({ ...form, name: e.currentTarget.value })} />
        <Group grow wrap="wrap">
          <TextInput type="date" label={t('cohorts.startsAt')} required value={form.starts} onChange={(e) => setForm({ ...form, starts: e.currentTarget.value })} />
          <TextInput type="date" label={t('cohorts.endsAt')} required value={form.ends} onChange={(e) => setForm({ ...form, ends: e.currentTarget.value })} />
        </Group>
        <ErrorAlert error={create.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('assign.cancel')}
          </Button>
          <Button
            disabled={!ready}
            loading={create.isPending}
            onClick={() =>
              create.mutate(
                { courseId: form.courseId, organisationId, name: form.name.trim(), startsAt: dayStart(form.starts), endsAt: dayEnd(form.ends) },
                { onSuccess: close },
              )
            }
          >
            {t('cohorts.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function CohortDialog({ organisationId, cohortId, onClose }: { organisationId: string; cohortId: string | null; onClose: () => void }) {
  const { t } = useTranslation('courseProgress');
  const cohort = useCohort(cohortId);
  const assignable = useAssignable(organisationId, !!cohortId);
  const add = useAddCohortMembers();
  const [chosen, setChosen] = useState<string[]>([]);
  const inCohort = new Set(cohort.data?.memberProgress.map((m) => m.userId));
  const candidates = (assignable.data?.members ?? []).filter((m) => !inCohort.has(m.userId));
  return (
    <Modal opened={!!cohortId} onClose={onClose} title={cohort.data?.name ?? ''} size="xl">
      <Stack>
        <ErrorAlert error={cohort.error} />
        {cohort.data ? <ProgressTable rows={cohort.data.memberProgress} caption={t('cohorts.caption', { name: cohort.data.name })} /> : null}
        {cohort.data?.canEdit && candidates.length > 0 ? (
          <>
            <Checkbox.Group label={t('cohorts.addMembers')} value={chosen} onChange={setChosen}>
              <Stack gap={6} mt="xs">
                {candidates.map((m) => (
                  <Checkbox key={m.userId} value={m.userId} label={m.name} />
                ))}
              </Stack>
            </Checkbox.Group>
            <ErrorAlert error={add.error} />
            <Button
              w="fit-content"
              disabled={chosen.length === 0}
              loading={add.isPending}
              onClick={() => add.mutate({ cohortId: cohortId!, userIds: chosen }, { onSuccess: () => setChosen([]) })}
            >
              {t('cohorts.add', { count: chosen.length })}
            </Button>
          </>
        ) : null}
      </Stack>
    </Modal>
  );
}
