import { Badge, Card, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LessonView } from '@tadamon/shared';
import { useFormatters } from '../../../lib/intl';
import { MarkdownHtml } from '../../../components/markdown-html';

/** The practical task, its status and every assessor decision so far. */
export function PracticalPanel({ practical }: { practical: NonNullable<LessonView['practical']> }) {
  const { t } = useTranslation('learning');
  const format = useFormatters();
  const colour = practical.status === 'PASSED' ? 'teal' : practical.status === 'NOT_YET' ? 'orange' : 'gray';
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="practical-title">
      <Stack gap="xs">
        <Title order={2} size="h4" id="practical-title">
          {t('practical.title')}
        </Title>
        {practical.instructionsHtml ? <MarkdownHtml className="lesson-body" html={practical.instructionsHtml} /> : null}
        <Badge color={colour}>{t(`practical.status.${practical.status}`)}</Badge>
        {practical.history.map((entry) => (
          <Text key={entry.id} size="sm">
            {t('practical.entry', {
              result: t(`practical.status.${entry.result}`),
              assessor: entry.assessorName ?? '—',
              date: format.date(entry.recordedAt),
            })}
            {entry.comment ? ` — ${entry.comment}` : ''}
          </Text>
        ))}
      </Stack>
    </Card>
  );
}
