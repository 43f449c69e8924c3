import { useState } from 'react';
import { Button, Group, Stack, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert';
import { useCreateThread } from '../api/create-thread';
import { AttachmentPicker } from './attachment-picker';
import { MentionPicker } from './mention-picker';

export function NewThreadForm({ groupId, onCancel }: { groupId: string; onCancel: () => void }) {
  const { t } = useTranslation('collaboration');
  const navigate = useNavigate();
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [mentions, setMentions] = useState<string[]>([]);
  const [attachments, setAttachments] = useState<string[]>([]);
  const create = useCreateThread(groupId);
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    create.mutate({ title, body, mentions, attachments }, { onSuccess: (thread) => void navigate(`/collaboration/threads/${thread.id}`) });
  };
  return (
    <form onSubmit={submit}>
      <Stack gap="sm">
        <TextInput label={t('threads.subject')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} required maxLength={200} />
        <Textarea
          label={t('threads.message')}
          description={t('editor.markdownHint')}
          value={body}
          onChange={(e) => setBody(e.currentTarget.value)}
          required
          autosize
          minRows={4}
          dir="auto"
        />
        <MentionPicker groupId={groupId} value={mentions} onChange={setMentions} />
        <AttachmentPicker value={attachments} onChange={setAttachments} />
        <ErrorAlert error={create.error} />
        <Group>
          <Button type="submit" loading={create.isPending}>
            {t('threads.start')}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t('editor.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
