import { Alert, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SaveConflictDetails } from '@tadamon/shared';
import { useFormatters } from '../../../lib/intl';
import { DiffView } from './diff-view';

/** The conflict resolution screen: what the other person changed, their text, ours, and two ways on. */
export function ConflictPanel({
  conflict,
  mine,
  onTakeTheirs,
  onKeepMine,
}: {
  conflict: SaveConflictDetails;
  mine: string;
  onTakeTheirs: () => void;
  onKeepMine: () => void;
}) {
  const { t } = useTranslation('collaboration');
  const format = useFormatters();
  return (
    <Alert color="orange" variant="light" role="alert" title={t('conflict.title')} data-testid="conflict">
      <Stack gap="sm">
        <Text>
          {t('conflict.body', { name: conflict.current.authorName, date: format.dateTime(conflict.current.savedAt) })}
        </Text>
        <Title order={3} size="h5">
          {t('conflict.theirChanges')}
        </Title>
        <DiffView parts={conflict.theirChanges} testId="conflict-diff" />
        <div className="collab-side-by-side">
          <section>
            <Title order={3} size="h5">
              {t('conflict.theirText')}
            </Title>
            <pre className="collab-pre" dir="auto" data-testid="conflict-theirs">
              {conflict.current.body}
            </pre>
          </section>
          <section>
            <Title order={3} size="h5">
              {t('conflict.myText')}
            </Title>
            <pre className="collab-pre" dir="auto" data-testid="conflict-mine">
              {mine}
            </pre>
          </section>
        </div>
        <Text size="sm">{t('conflict.howTo')}</Text>
        <Group>
          <Button variant="light" onClick={onTakeTheirs} data-testid="conflict-take-theirs">
            {t('conflict.takeTheirs')}
          </Button>
          <Button variant="default" onClick={onKeepMine} data-testid="conflict-keep-mine">
            {t('conflict.keepMine')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
