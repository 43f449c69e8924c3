import { useState } from 'react';
import { Badge, Button, Card, Group, NativeSelect, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { LANGUAGE_NAMES, type Language } from '../../../lib/languages';
import { useFormatters } from '../../../lib/intl';
import { useComments, useCreateComment, useDecideComment } from '../api/document-comments';
import { isolate } from './isolate';
import { MarkdownHtml } from '../../../components/markdown-html';
import { inLanguage } from '../../../components/in-language';

const COLOURS = { OPEN: 'blue.8', ACCEPTED: 'teal.9', RESOLVED: 'gray.7' } as const;

/** Comments on passages: anyone in the group comments; the owner's leaders accept or resolve. */
export function CommentsCard({ documentId, languages }: { documentId: string; languages: Language[] }) {
  const { t } = useTranslation('collaboration');
  const format = useFormatters();
  const comments = useComments(documentId);
  const create = useCreateComment(documentId);
  const decide = useDecideComment(documentId);
  const [language, setLanguage] = useState<string>(languages[0] ?? 'en');
  const [quote, setQuote] = useState('');
  const [body, setBody] = useState('');

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    create.mutate({ language, quote, body }, { onSuccess: () => { setQuote(''); setBody(''); } });
  };

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="comments-heading">
      <Title order={2} size="h3" id="comments-heading" mb="sm">
        {t('comments.title')}
      </Title>
      {comments.error ? <ErrorAlert error={comments.error} /> : null}
      {comments.data?.items.length === 0 ? <Text c="dimmed">{t('comments.empty')}</Text> : null}
      <Stack gap="sm" component="ul" className="collab-plain-list" data-testid="comments">
        {comments.data?.items.map((c) => (
          <li key={c.id}>
            <Group justify="space-between" wrap="wrap" gap="xs">
              <Text size="sm" fw={600}>
                {t('comments.meta', { name: isolate(c.authorName), language: LANGUAGE_NAMES[c.language], date: isolate(format.dateTime(c.createdAt)) })}
              </Text>
              <Badge color={COLOURS[c.state]} variant="filled">
                {t(`comments.states.${c.state}`)}
              </Badge>
            </Group>
            {c.quote ? (
              <blockquote className="collab-quote" {...inLanguage(c.language)}>
                {c.quote}
              </blockquote>
            ) : null}
            <MarkdownHtml html={c.bodyHtml} language={null} />
            {comments.data.canDecide ? (
              <Group gap="xs" mt={4}>
                {c.state !== 'ACCEPTED' ? (
                  <Button size="compact-xs" variant="light" onClick={() => decide.mutate({ commentId: c.id, state: 'ACCEPTED' })}>
                    {t('comments.accept')}
                  </Button>
                ) : null}
                {c.state !== 'RESOLVED' ? (
                  <Button size="compact-xs" variant="default" onClick={() => decide.mutate({ commentId: c.id, state: 'RESOLVED' })}>
                    {t('comments.resolve')}
                  </Button>
                ) : null}
                {c.state !== 'OPEN' ? (
                  <Button size="compact-xs" variant="subtle" onClick={() => decide.mutate({ commentId: c.id, state: 'OPEN' })}>
                    {t('comments.reopen')}
                  </Button>
                ) : null}
              </Group>
            ) : null}
          </li>
        ))}
      </Stack>
      <ErrorAlert error={decide.error} />
      <form onSubmit={submit}>
        <Stack gap="sm" mt="md">
          {languages.length > 1 ? (
            <NativeSelect
              label={t('documents.language')}
              data={languages.map((value) => ({ value, label: LANGUAGE_NAMES[value] }))}
              value={language}
              onChange={(e) => setLanguage(e.currentTarget.value)}
            />
          ) : null}
          <TextInput label={t('comments.quote')} description={t('comments.quoteHint')} value={quote} onChange={(e) => setQuote(e.currentTarget.value)} maxLength={1000} dir="auto" />
          <Textarea label={t('comments.body')} value={body} onChange={(e) => setBody(e.currentTarget.value)} required autosize minRows={2} dir="auto" />
          <ErrorAlert error={create.error} />
          <Group>
            <Button type="submit" loading={create.isPending}>
              {t('comments.add')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
