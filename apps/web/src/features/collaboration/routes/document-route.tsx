import { useState } from 'react';
import { Anchor, Button, Card, Group, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { DocumentDetail, DocumentVersion } from '@tadamon/shared';
import { ErrorAlert } from '../../../components/error-alert';
import { inLanguage } from '../../../components/in-language';
import { PageSkeleton } from '../../../components/page-skeleton';
import { LANGUAGES, LANGUAGE_NAMES, type Language } from '../../../lib/languages';
import { useFormatters } from '../../../lib/intl';
import { useChangeStatus } from '../api/change-status';
import { useDocument } from '../api/get-document';
import { useDocumentLive } from '../api/use-document-live';
import { CommentsCard } from '../components/comments-card';
import { MarkdownHtml } from '../../../components/markdown-html';
import { RevisionHistory } from '../components/revision-history';
import { SignatoriesCard } from '../components/signatories-card';
import { StatusBadge } from '../components/status-badge';
import { VersionEditor } from '../components/version-editor';
import '../components/collaboration.css';

function VersionCard({ doc, version }: { doc: DocumentDetail; version: DocumentVersion }) {
  const { t } = useTranslation('collaboration');
  const format = useFormatters();
  const [editing, setEditing] = useState(false);
  return (
    <Card withBorder padding="lg" component="article" data-testid={`version-${version.language}`}>
      <Group justify="space-between" mb="xs" wrap="wrap">
        <Text size="sm" c="dimmed">
          {t('versions.meta', { language: LANGUAGE_NAMES[version.language], revision: version.revision, date: format.dateTime(version.updatedAt) })}
        </Text>
        <Group gap="xs">
          {doc.canEdit && !editing ? (
            <Button size="xs" variant="light" onClick={() => setEditing(true)}>
              {t('versions.edit')}
            </Button>
          ) : null}
          <Anchor href={`/api/documents/${doc.id}/versions/${version.language}/pdf`} size="sm" data-testid={`pdf-${version.language}`}>
            {t('versions.pdf')}
          </Anchor>
        </Group>
      </Group>
      {editing ? (
        <VersionEditor
          documentId={doc.id}
          language={version.language}
          revision={version.revision}
          title={version.title}
          body={version.bodyMarkdown}
          onDone={() => setEditing(false)}
        />
      ) : (
        <div {...inLanguage(version.language)} data-testid={`version-content-${version.language}`}>
          <Title order={2} size="h3" mb="xs">
            {version.title}
          </Title>
          <MarkdownHtml html={version.bodyHtml} testId={`version-body-${version.language}`} language={version.language} />
        </div>
      )}
    </Card>
  );
}

/** A joint document: language versions side by side, life cycle, revision diffs, signatures. */
export function DocumentRoute() {
  const { id = '' } = useParams();
  const { t } = useTranslation('collaboration');
  // Signatures, status and text arrive live (server-sent events); polling only as a fallback.
  const live = useDocumentLive(id);
  const document = useDocument(id, { live });
  const changeStatus = useChangeStatus(id);
  const [adding, setAdding] = useState<Language | ''>('');
  const [historyLanguage, setHistoryLanguage] = useState<string>('');

  if (document.isPending) return <PageSkeleton lines={8} />;
  if (document.error) return <ErrorAlert error={document.error} onRetry={() => void document.refetch()} />;
  const doc = document.data;
  const missing = LANGUAGES.filter((l) => !doc.languages.includes(l));
  const shownHistory = historyLanguage || doc.languages[0] || '';

  return (
    <Stack gap="lg">
      <Anchor component={Link} to={`/collaboration/groups/${doc.groupId}`} size="sm">
        {t('documents.back')}
      </Anchor>
      <div>
        <Group gap="sm" wrap="wrap">
          <Title order={1} {...inLanguage(doc.titleLanguage)}>
            {doc.title}
          </Title>
          <StatusBadge status={doc.status} />
        </Group>
        <Text c="dimmed">{t('documents.ownedBy', { kind: t(`kinds.${doc.kind}`), owner: doc.ownerOrganisationName })}</Text>
      </div>
      {doc.allowedTransitions.length > 0 ? (
        <Group gap="xs" aria-label={t('documents.changeStatus')} role="group">
          {doc.allowedTransitions.map((status) => (
            <Button key={status} size="xs" variant="default" loading={changeStatus.isPending} onClick={() => changeStatus.mutate(status)} data-testid={`to-${status}`}>
              {t(`transitions.${status}`)}
            </Button>
          ))}
        </Group>
      ) : null}
      <ErrorAlert error={changeStatus.error} />
      {doc.status === 'OPEN_FOR_SIGNATURE' ? <Text size="sm">{t('documents.frozen')}</Text> : null}

      <div className="collab-side-by-side">
        {doc.versions.map((version) => (
          <VersionCard key={version.language} doc={doc} version={version} />
        ))}
      </div>
      {doc.canEdit && missing.length > 0 ? (
        <Card withBorder padding="lg">
          <NativeSelect
            label={t('versions.add')}
            data={[{ value: '', label: t('versions.choose') }, ...missing.map((value) => ({ value, label: LANGUAGE_NAMES[value] }))]}
            value={adding}
            onChange={(e) => setAdding(e.currentTarget.value as Language | '')}
          />
          {adding ? (
            <VersionEditor key={adding} documentId={doc.id} language={adding} revision={0} title="" body="" onDone={() => setAdding('')} />
          ) : null}
        </Card>
      ) : null}

      <SignatoriesCard doc={doc} />

      <CommentsCard documentId={doc.id} languages={doc.languages} />

      <Card withBorder padding="lg" component="section" aria-labelledby="history-heading">
        <Title order={2} size="h3" id="history-heading" mb="sm">
          {t('history.title')}
        </Title>
        {doc.languages.length > 1 ? (
          <NativeSelect
            label={t('documents.language')}
            data={doc.languages.map((value) => ({ value, label: LANGUAGE_NAMES[value] }))}
            value={shownHistory}
            onChange={(e) => setHistoryLanguage(e.currentTarget.value)}
            mb="sm"
          />
        ) : null}
        {shownHistory ? <RevisionHistory key={shownHistory} documentId={doc.id} language={shownHistory} /> : null}
      </Card>
    </Stack>
  );
}
