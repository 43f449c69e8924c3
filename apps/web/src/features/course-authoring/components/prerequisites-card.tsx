import { useState } from 'react';
import { Button, Card, Group, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useAuthoredCourses } from '../api/list-courses';
import { useEditor } from './editor-context';

/** Courses a learner must finish before this one (for every version); circles are refused by the server. */
export function PrerequisitesCard() {
  const { t } = useTranslation('courseAuthoring');
  const { tree, change, pending } = useEditor();
  const { course } = tree;
  const [choice, setChoice] = useState('');
  const candidates = useAuthoredCourses({});
  const options = (candidates.data?.pages.flatMap((p) => p.items) ?? []).filter(
    (c) => c.id !== course.id && c.networkId === course.networkId && !course.prerequisites.some((p) => p.id === c.id),
  );
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="prerequisites-heading">
      <Stack gap="sm">
        <Title order={2} size="h3" id="prerequisites-heading">
          {t('prerequisites.heading')}
        </Title>
        {course.prerequisites.length === 0 ? <Text c="dimmed">{t('prerequisites.none')}</Text> : null}
        <Stack gap={4} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {course.prerequisites.map((p) => (
            <li key={p.id}>
              <Group gap="xs">
                <Text size="sm" dir="auto">{p.title}</Text>
                <Button size="compact-sm" variant="subtle" color="red" loading={pending}
                  onClick={() => void change({ method: 'DELETE', path: `/courses/${course.id}/prerequisites/${p.id}` })}
                  aria-label={t('prerequisites.remove', { title: p.title })}>
                  {t('actions.remove')}
                </Button>
              </Group>
            </li>
          ))}
        </Stack>
        <Group align="end">
          <NativeSelect label={t('prerequisites.add')} value={choice} onChange={(e) => setChoice(e.currentTarget.value)} data-testid="prerequisite-choice">
            <option value="">{t('prerequisites.choose')}</option>
            {options.map((c) => (
              <option key={c.id} value={c.id}>
                {c.title}
              </option>
            ))}
          </NativeSelect>
          <Button variant="default" disabled={!choice} loading={pending}
            onClick={() => void change({ method: 'PUT', path: `/courses/${course.id}/prerequisites/${choice}` }).then((ok) => ok && setChoice(''))}>
            {t('prerequisites.addButton')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
