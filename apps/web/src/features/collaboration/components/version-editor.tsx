import { useState } from 'react';
import { Button, Group, Stack, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SaveConflictDetails } from '@tadamon/shared';
import { ErrorAlert } from '../../../components/error-alert';
import { isApiError } from '../../../lib/api-client';
import { useSaveVersion } from '../api/save-version';
import { ConflictPanel } from './conflict-panel';

interface Props {
  documentId: string;
  language: string;
  /** Revision the editor starts from; 0 for a new language version. */
  revision: number;
  title: string;
  body: string;
  onDone: () => void;
}

/**
 * Edits one language version. Every save names the revision it started from; when someone
 * saved in between, the API refuses (409) and the conflict panel shows their change next to
 * ours, so nobody's words are lost silently.
 */
export function VersionEditor({ documentId, language, revision, title: initialTitle, body: initialBody, onDone }: Props) {
  const { t } = useTranslation('collaboration');
  const [title, setTitle] = useState(initialTitle);
  const [body, setBody] = useState(initialBody);
  const [baseRevision, setBaseRevision] = useState(revision);
  const [conflict, setConflict] = useState<SaveConflictDetails | null>(null);
  const save = useSaveVersion(documentId);

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    save.mutate(
      { language, title, body, baseRevision },
      {
        onSuccess: () => {
          setConflict(null);
          onDone();
        },
        onError: (error) => {
          if (isApiError(error) && error.code === 'CONFLICT' && error.details) setConflict(error.details as SaveConflictDetails);
        },
      },
    );
  };

  return (
    <form onSubmit={submit} data-testid={`editor-${language}`}>
      <Stack gap="sm">
        {conflict ? (
          <ConflictPanel
            conflict={conflict}
            mine={body}
            onTakeTheirs={() => {
              // Continue from their text; ours stays visible in the panel to copy from.
              setTitle(conflict.current.title);
              setBody(conflict.current.body);
              setBaseRevision(conflict.currentRevision);
            }}
            onKeepMine={() => {
              setBaseRevision(conflict.currentRevision);
              setConflict(null);
            }}
          />
        ) : null}
        <TextInput label={t('editor.title')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} required maxLength={200} />
        <Textarea
          label={t('editor.body')}
          description={t('editor.markdownHint')}
          value={body}
          onChange={(e) => setBody(e.currentTarget.value)}
          autosize
          minRows={8}
          dir="auto"
        />
        {save.error && !(isApiError(save.error) && save.error.code === 'CONFLICT') ? <ErrorAlert error={save.error} /> : null}
        <Group>
          <Button type="submit" loading={save.isPending}>
            {conflict && baseRevision === conflict.currentRevision ? t('editor.saveResolved') : t('editor.save')}
          </Button>
          <Button variant="default" onClick={onDone}>
            {t('editor.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
