import { useMemo, useState } from 'react';
import { Alert, Button, Checkbox, Group, Modal, NativeSelect, ScrollArea, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { useAssignable } from '../api/get-assignable';
import { useAssignCourses, type AssignAnswer } from '../api/assign-courses';

/** The end of the chosen day in the browser's zone: "due on the 15th" means by that evening. */
const endOfDay = (date: string) => new Date(`${date}T23:59:00`).toISOString();

/** Assign a course or a learning path to chosen members, with an optional due date. */
export function AssignDialog({ organisationId, opened, onClose }: { organisationId: string; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation('courseProgress');
  const assignable = useAssignable(organisationId, opened);
  const assign = useAssignCourses();
  const [what, setWhat] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const [filter, setFilter] = useState('');
  const [due, setDue] = useState('');
  const [answer, setAnswer] = useState<AssignAnswer | null>(null);

  const members = useMemo(() => {
    const needle = filter.trim().toLocaleLowerCase();
    return (assignable.data?.members ?? []).filter((m) => !needle || m.name.toLocaleLowerCase().includes(needle));
  }, [assignable.data, filter]);

  const close = () => {
    setWhat('');
    setChosen([]);
    setFilter('');
    setDue('');
    setAnswer(null);
    assign.reset();
    onClose();
  };
  const submit = () => {
    const [kind, id] = what.split(':');
    assign.mutate(
      {
        organisationId,
        userIds: chosen,
        ...(kind === 'path' ? { learningPathId: id } : { courseId: id }),
        dueAt: due ? endOfDay(due) : null,
      },
      { onSuccess: setAnswer },
    );
  };

  return (
    <Modal opened={opened} onClose={close} title={t('assign.title')} size="lg">
      {answer ? (
        <Stack>
          <Alert color="teal" role="status">
            {t('assign.done', { count: answer.items.length })}
            {answer.waiting.length > 0 ? ` ${t('assign.waiting', { count: answer.waiting.length })}` : ''}
          </Alert>
          <Group justify="flex-end">
            <Button onClick={close}>{t('assign.close')}</Button>
          </Group>
        </Stack>
      ) : (
        <Stack>
          <ErrorAlert error={assignable.error} />
          <NativeSelect label={t('assign.what')} value={what} onChange={(e) => setWhat(e.currentTarget.value)} required data-autofocus>
            <option value="">{t('assign.choose')}</option>
            {assignable.data?.paths.length ? (
              <optgroup label={t('assign.paths')}>
                {assignable.data.paths.map((p) => (
                  <option key={p.id} value={`path:${p.id}`}>
                    {t('assign.pathOption', { title: p.title, count: p.courseIds.length })}
                  </option>
                ))}
              </optgroup>
            ) : null}
            <optgroup label={t('assign.courses')}>
              {(assignable.data?.courses ?? []).map((c) => (
                <option key={c.id} value={`course:${c.id}`}>
                  {c.title}
                </option>
              ))}
            </optgroup>
          </NativeSelect>
          <Checkbox.Group label={t('assign.members')} value={chosen} onChange={setChosen} required>
            <TextInput
              mt="xs"
              size="sm"
              placeholder={t('assign.filterMembers')}
              aria-label={t('assign.filterMembers')}
              value={filter}
              onChange={(e) => setFilter(e.currentTarget.value)}
            />
            <ScrollArea.Autosize mah={220} mt="xs" type="auto">
              <Stack gap={6} p={2}>
                {members.map((m) => (
                  <Checkbox key={m.userId} value={m.userId} label={m.name} />
                ))}
              </Stack>
            </ScrollArea.Autosize>
          </Checkbox.Group>
          <Text size="sm" c="dimmed">
            {t('assign.chosen', { count: chosen.length })}
          </Text>
          <TextInput type="date" label={t('assign.dueAt')} description={t('assign.dueAtHint')} value={due} onChange={(e) => setDue(e.currentTarget.value)} />
          <ErrorAlert error={assign.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('assign.cancel')}
            </Button>
            <Button disabled={!what || chosen.length === 0} loading={assign.isPending} onClick={submit}>
              {t('assign.submit')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
