import { useState } from 'react';
import { Group, NativeSelect, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { PageSkeleton } from '../../../components/page-skeleton';
import { useFormatters } from '../../../lib/intl';
import { useDiff } from '../api/get-diff';
import { useRevisions } from '../api/get-revisions';
import { DiffView } from './diff-view';
import { isolate } from './isolate';

/** Pick any two revisions of a language version and read what changed between them. */
export function RevisionHistory({ documentId, language }: { documentId: string; language: string }) {
  const { t } = useTranslation('collaboration');
  const format = useFormatters();
  const revisions = useRevisions(documentId, language);
  const latest = revisions.data?.items.at(-1)?.revision ?? 0;
  const [from, setFrom] = useState<number | null>(null);
  const [to, setTo] = useState<number | null>(null);
  const fromRevision = from ?? Math.max(1, latest - 1);
  const toRevision = to ?? latest;
  const diff = useDiff(documentId, language, fromRevision, toRevision);

  if (revisions.isPending) return <PageSkeleton lines={2} />;
  if (revisions.error) return <ErrorAlert error={revisions.error} />;
  const options = revisions.data.items.map((r) => ({
    value: String(r.revision),
    label: t('history.option', { revision: r.revision, name: isolate(r.authorName), date: isolate(format.dateTime(r.createdAt)) }),
  }));
  if (options.length < 2) return <Text c="dimmed">{t('history.onlyOne')}</Text>;
  return (
    <Stack gap="sm" data-testid={`history-${language}`}>
      <Group grow>
        <NativeSelect label={t('history.from')} data={options} value={String(fromRevision)} onChange={(e) => setFrom(Number(e.currentTarget.value))} />
        <NativeSelect label={t('history.to')} data={options} value={String(toRevision)} onChange={(e) => setTo(Number(e.currentTarget.value))} />
      </Group>
      {diff.error ? <ErrorAlert error={diff.error} /> : null}
      {diff.data ? (
        <>
          <DiffView parts={diff.data.title} />
          <DiffView parts={diff.data.body} testId="revision-diff" />
        </>
      ) : fromRevision === toRevision ? (
        <Text c="dimmed">{t('history.same')}</Text>
      ) : null}
    </Stack>
  );
}
