import { useState } from 'react';
import { Button, Checkbox, Group, NativeSelect, Stack, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { GroupDetail } from '@tadamon/shared';
import { ErrorAlert } from '../../../components/error-alert';
import { LANGUAGES, LANGUAGE_NAMES } from '../../../lib/languages';
import { useSignedInSession } from '../../../lib/session';
import type { DocumentCreate, Language } from '@tadamon/shared';
import { useCreateDocument } from '../api/create-document';
import { useNetworkOrganisations } from '../../../api/get-network-organisations';

const KINDS = ['LETTER', 'OP_ED', 'STATEMENT', 'CAMPAIGN_TEXT'] as const;

/** Starts a joint document owned by an organisation the person leads. */
export function NewDocumentForm({ group, onCancel }: { group: GroupDetail; onCancel: () => void }) {
  const { t, i18n } = useTranslation('collaboration');
  const session = useSignedInSession();
  const navigate = useNavigate();
  const led = session.memberships.filter((m) => m.role === 'ORG_LEADER' && m.networkId === group.networkId);
  const networkOrganisations = useNetworkOrganisations(group.audience === 'NETWORK' ? group.networkId : '');
  const candidates = group.audience === 'NETWORK' ? (networkOrganisations.data?.items ?? []) : group.organisations;
  const [kind, setKind] = useState<DocumentCreate['kind']>('LETTER');
  const [owner, setOwner] = useState(led[0]?.organisationId ?? '');
  const [language, setLanguage] = useState<Language>((i18n.resolvedLanguage ?? 'en') as Language);
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [signatories, setSignatories] = useState<string[]>([]);
  const create = useCreateDocument(group.id);

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    create.mutate(
      { kind, ownerOrganisationId: owner, language, title, body, signatoryOrganisationIds: signatories.filter((id) => id !== owner) },
      { onSuccess: (doc) => void navigate(`/collaboration/documents/${doc.id}`) },
    );
  };

  return (
    <form onSubmit={submit}>
      <Stack gap="sm">
        <NativeSelect
          label={t('documents.kind')}
          data={KINDS.map((value) => ({ value, label: t(`kinds.${value}`) }))}
          value={kind}
          onChange={(e) => setKind(e.currentTarget.value as DocumentCreate['kind'])}
        />
        <NativeSelect
          label={t('documents.owner')}
          data={led.map((m) => ({ value: m.organisationId, label: m.organisationName }))}
          value={owner}
          onChange={(e) => setOwner(e.currentTarget.value)}
        />
        <NativeSelect
          label={t('documents.language')}
          data={LANGUAGES.map((value) => ({ value, label: LANGUAGE_NAMES[value] }))}
          value={language}
          onChange={(e) => setLanguage(e.currentTarget.value as Language)}
        />
        <TextInput label={t('editor.title')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} required maxLength={200} />
        <Textarea
          label={t('editor.body')}
          description={t('editor.markdownHint')}
          value={body}
          onChange={(e) => setBody(e.currentTarget.value)}
          autosize
          minRows={6}
          dir="auto"
        />
        <Checkbox.Group label={t('documents.inviteSignatories')} value={signatories} onChange={setSignatories}>
          <Stack gap={4} mt={4}>
            {candidates
              .filter((o) => o.id !== owner)
              .map((o) => (
                <Checkbox key={o.id} value={o.id} label={o.name} />
              ))}
          </Stack>
        </Checkbox.Group>
        <ErrorAlert error={create.error} />
        <Group>
          <Button type="submit" loading={create.isPending} disabled={!owner}>
            {t('documents.create')}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t('editor.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
