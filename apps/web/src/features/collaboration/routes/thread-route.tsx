import { useState } from 'react';
import { Anchor, Badge, Button, Card, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Post } from '@tadamon/shared';
import { ErrorAlert } from '../../../components/error-alert';
import { PageSkeleton } from '../../../components/page-skeleton';
import { useFormatters } from '../../../lib/intl';
import { useSignedInSession } from '../../../lib/session';
import { useThread } from '../api/get-thread';
import { editPost, hidePost, moderateThread, replyToThread, reportPost, useThreadMutation } from '../api/thread-mutations';
import { MarkdownHtml } from '../../../components/markdown-html';
import { AttachmentPicker } from '../components/attachment-picker';
import { MentionPicker } from '../components/mention-picker';
import { PostAttachments } from '../components/post-attachments';
import '../components/collaboration.css';

function PostCard({ post, threadId, canModerate, locked }: { post: Post; threadId: string; canModerate: boolean; locked: boolean }) {
  const { t } = useTranslation('collaboration');
  const format = useFormatters();
  const session = useSignedInSession();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(post.bodyMarkdown);
  const [reported, setReported] = useState(false);
  const edit = useThreadMutation(threadId, (body: string) => editPost(post.id, body));
  const hide = useThreadMutation(threadId, (hidden: boolean) => hidePost(post.id, hidden));
  const report = useThreadMutation(threadId, (reason: string) => reportPost(post.id, reason));
  const mine = post.authorId === session.user.id;

  return (
    <Card withBorder padding="md" component="li" className={post.hidden ? 'collab-post--hidden' : undefined} data-testid="post">
      <Group justify="space-between" mb="xs" wrap="wrap">
        <Text fw={600}>{post.authorName}</Text>
        <Text size="sm" c="dimmed">
          {format.dateTime(post.createdAt)}
          {post.editedAt ? ` · ${t('posts.edited', { count: post.revisionCount })}` : ''}
        </Text>
      </Group>
      {post.hidden ? <Badge color="orange" mb="xs">{t('posts.hidden')}</Badge> : null}
      {editing ? (
        <Stack gap="xs">
          <Textarea label={t('posts.edit')} value={draft} onChange={(e) => setDraft(e.currentTarget.value)} autosize minRows={3} dir="auto" />
          <Group>
            <Button size="xs" loading={edit.isPending} onClick={() => edit.mutate(draft, { onSuccess: () => setEditing(false) })}>
              {t('editor.save')}
            </Button>
            <Button size="xs" variant="default" onClick={() => setEditing(false)}>
              {t('editor.cancel')}
            </Button>
          </Group>
        </Stack>
      ) : post.bodyHtml ? (
        <MarkdownHtml html={post.bodyHtml} language={null} />
      ) : null}
      <PostAttachments attachments={post.attachments} />
      {post.mentions.length > 0 ? (
        <Text size="sm" c="dimmed" mt="xs">
          {t('posts.mentioned', { names: format.list(post.mentions.map((m) => m.name)) })}
        </Text>
      ) : null}
      <Group gap="xs" mt="xs">
        {mine && !locked && !editing ? (
          <Button size="compact-xs" variant="subtle" onClick={() => setEditing(true)}>
            {t('posts.edit')}
          </Button>
        ) : null}
        {!mine && !reported ? (
          <Button size="compact-xs" variant="subtle" color="gray" loading={report.isPending} onClick={() => report.mutate(t('posts.reportReason'), { onSuccess: () => setReported(true) })}>
            {t('posts.report')}
          </Button>
        ) : null}
        {reported ? <Text size="xs">{t('posts.reported')}</Text> : null}
        {canModerate ? (
          <Button size="compact-xs" variant="subtle" color="orange" loading={hide.isPending} onClick={() => hide.mutate(!post.hidden)}>
            {post.hidden ? t('posts.unhide') : t('posts.hide')}
          </Button>
        ) : null}
        {canModerate && post.reportCount > 0 ? <Badge color="red">{t('posts.reports', { count: post.reportCount })}</Badge> : null}
      </Group>
      <ErrorAlert error={edit.error ?? hide.error ?? report.error} />
    </Card>
  );
}

/** A discussion: posts in order, reply with @mentions, moderation for the group's coordinators. */
export function ThreadRoute() {
  const { id = '' } = useParams();
  const { t } = useTranslation('collaboration');
  const thread = useThread(id);
  const [body, setBody] = useState('');
  const [mentions, setMentions] = useState<string[]>([]);
  const [attachments, setAttachments] = useState<string[]>([]);
  const reply = useThreadMutation(id, (input: { body: string; mentions: string[]; attachments: string[] }) => replyToThread(id, input));
  const moderate = useThreadMutation(id, (change: { hidden?: boolean; locked?: boolean }) => moderateThread(id, change));

  if (thread.isPending) return <PageSkeleton lines={6} />;
  if (thread.error) return <ErrorAlert error={thread.error} onRetry={() => void thread.refetch()} />;
  const data = thread.data;

  return (
    <Stack gap="lg">
      <Anchor component={Link} to={`/collaboration/groups/${data.groupId}`} size="sm">
        {t('threads.back')}
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <Title order={1} dir="auto">
          {data.title}
        </Title>
        {data.canModerate ? (
          <Group gap="xs">
            <Button size="xs" variant="default" loading={moderate.isPending} onClick={() => moderate.mutate({ locked: !data.locked })}>
              {data.locked ? t('threads.unlock') : t('threads.lock')}
            </Button>
            <Button size="xs" variant="default" color="orange" loading={moderate.isPending} onClick={() => moderate.mutate({ hidden: !data.hidden })}>
              {data.hidden ? t('threads.unhide') : t('threads.hide')}
            </Button>
          </Group>
        ) : null}
      </Group>
      {data.locked ? <Badge color="gray">{t('threads.locked')}</Badge> : null}
      <ErrorAlert error={moderate.error} />
      <Stack gap="sm" component="ul" className="collab-plain-list">
        {data.posts.map((post) => (
          <PostCard key={post.id} post={post} threadId={id} canModerate={data.canModerate} locked={data.locked} />
        ))}
      </Stack>
      {data.locked ? (
        <Text c="dimmed">{t('threads.lockedHint')}</Text>
      ) : (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            reply.mutate({ body, mentions, attachments }, { onSuccess: () => { setBody(''); setMentions([]); setAttachments([]); } });
          }}
        >
          <Stack gap="sm">
            <Textarea label={t('threads.reply')} description={t('editor.markdownHint')} value={body} onChange={(e) => setBody(e.currentTarget.value)} required autosize minRows={3} dir="auto" />
            <MentionPicker groupId={data.groupId} value={mentions} onChange={setMentions} />
            <AttachmentPicker value={attachments} onChange={setAttachments} />
            <ErrorAlert error={reply.error} />
            <Group>
              <Button type="submit" loading={reply.isPending}>
                {t('threads.send')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Stack>
  );
}
