import { useState } from 'react';
import { Button, Card, FileInput, NativeSelect, SimpleGrid, Stack, TagsInput, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import {
  LANGUAGES,
  MATERIAL_AUDIENCES,
  MATERIAL_KINDS,
  MATERIAL_STANDARD_TOPICS,
  MATERIAL_VISIBILITIES,
  type Language,
  type MaterialCreate,
  type MaterialKind,
} from '@tadamon/shared';
import { ErrorAlert } from '../../../components/error-alert';
import { useSignedInSession } from '../../../lib/session';
import { useCreateMaterial } from '../api/create-material';
import { useMaterialTopics } from '../../../api/get-material-topics';
import { acceptFor } from '../components/file-upload';
import { publishersOf } from '../components/publisher-options';
import { UploadProgress } from '../components/upload-progress';
import { useResumableUpload } from '../upload/use-resumable-upload';

type Audience = MaterialCreate['audience'];
type Visibility = MaterialCreate['visibility'];

/** Metadata first, then the file goes up resumably with a progress bar; then the material's page. */
export function NewMaterialRoute() {
  const { t, i18n } = useTranslation('materials');
  const session = useSignedInSession();
  const navigate = useNavigate();
  const publishers = publishersOf(session);
  const topics = useMaterialTopics();
  const create = useCreateMaterial();
  const upload = useResumableUpload();

  const [publisher, setPublisher] = useState(publishers[0]?.value ?? '');
  const [kind, setKind] = useState<MaterialKind>('DOCUMENT');
  const [topic, setTopic] = useState<string>(MATERIAL_STANDARD_TOPICS[0]);
  const [audience, setAudience] = useState<Audience>('EVERYONE');
  const [visibility, setVisibility] = useState<Visibility>('NETWORK');
  const [language, setLanguage] = useState<Language>((LANGUAGES as readonly string[]).includes(i18n.language) ? (i18n.language as Language) : 'en');
  const [title, setTitle] = useState('');
  const [summary, setSummary] = useState('');
  const [tags, setTags] = useState<string[]>([]);
  const [partner, setPartner] = useState('');
  const [licence, setLicence] = useState('');
  const [externalUrl, setExternalUrl] = useState('');
  const [file, setFile] = useState<File | null>(null);

  const chosen = publishers.find((p) => p.value === publisher);
  const networkTopics = topics.data?.items.filter((item) => item.networkId === chosen?.networkId) ?? [];

  // Once created, a retry after a failed upload sends the file again instead of a second material.
  const [created, setCreated] = useState<{ id: string; translationId: string } | null>(null);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!chosen || (kind !== 'LINK' && !file)) return;
    let target = created;
    if (!target) {
      const custom = topic.startsWith('custom:') ? topic.slice(7) : null;
      const material = await create
        .mutateAsync({
          networkId: chosen.networkId,
          organisationId: chosen.organisationId,
          kind,
          standardTopic: custom ? null : (topic as MaterialCreate['standardTopic']),
          customTopicId: custom,
          audience,
          visibility,
          partner,
          licence,
          translation: { language, title, summary, tags, externalUrl: kind === 'LINK' ? externalUrl : undefined },
        })
        .catch(() => null);
      if (!material) return;
      target = { id: material.id, translationId: material.translations[0]!.id };
      setCreated(target);
    }
    if (kind !== 'LINK' && file) {
      try {
        await upload.start(target.translationId, file);
      } catch {
        return; // the error is shown; pressing the button again resumes the upload
      }
    }
    void navigate(`/library/${target.id}`);
  };

  const busy = create.isPending || upload.state.phase === 'uploading';
  return (
    <Stack gap="md">
      <Title order={1}>{t('form.heading')}</Title>
      <Card withBorder padding="md" component="form" onSubmit={(e: React.FormEvent) => void submit(e)}>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NativeSelect label={t('form.publisher')} value={publisher} onChange={(e) => setPublisher(e.currentTarget.value)}>
              {publishers.map((p) => (
                <option key={p.value} value={p.value}>
                  {p.organisationId ? p.label : t('form.networkWide', { network: p.label })}
                </option>
              ))}
            </NativeSelect>
            <NativeSelect label={t('filters.kind')} value={kind} onChange={(e) => setKind(e.currentTarget.value as MaterialKind)}>
              {MATERIAL_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`kinds.${k}`)}
                </option>
              ))}
            </NativeSelect>
            <NativeSelect label={t('filters.topic')} value={topic} onChange={(e) => setTopic(e.currentTarget.value)}>
              {MATERIAL_STANDARD_TOPICS.map((k) => (
                <option key={k} value={k}>
                  {t(`topics.${k}`)}
                </option>
              ))}
              {networkTopics.map((item) => (
                <option key={item.id} value={`custom:${item.id}`}>
                  {item.name}
                </option>
              ))}
            </NativeSelect>
            <NativeSelect label={t('filters.audience')} value={audience} onChange={(e) => setAudience(e.currentTarget.value as Audience)}>
              {MATERIAL_AUDIENCES.map((k) => (
                <option key={k} value={k}>
                  {t(`audiences.${k}`)}
                </option>
              ))}
            </NativeSelect>
            <NativeSelect label={t('form.visibility')} value={visibility} onChange={(e) => setVisibility(e.currentTarget.value as Visibility)}>
              {MATERIAL_VISIBILITIES.filter((v) => v !== 'ORGANISATION' || chosen?.organisationId).map((k) => (
                <option key={k} value={k}>
                  {t(`visibility.${k}`)}
                </option>
              ))}
            </NativeSelect>
            <NativeSelect label={t('filters.language')} value={language} onChange={(e) => setLanguage(e.currentTarget.value as Language)}>
              {LANGUAGES.map((l) => (
                <option key={l} value={l}>
                  {t(`languages.${l}`)}
                </option>
              ))}
            </NativeSelect>
          </SimpleGrid>
          <TextInput label={t('form.title')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} required minLength={2} maxLength={200} dir="auto" data-testid="material-title" />
          <Textarea label={t('form.summary')} value={summary} onChange={(e) => setSummary(e.currentTarget.value)} maxLength={2000} autosize minRows={2} dir="auto" />
          <TagsInput label={t('form.tags')} value={tags} onChange={setTags} maxTags={20} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('form.partner')} value={partner} onChange={(e) => setPartner(e.currentTarget.value)} maxLength={200} />
            <TextInput label={t('form.licence')} value={licence} onChange={(e) => setLicence(e.currentTarget.value)} maxLength={200} />
          </SimpleGrid>
          {kind === 'LINK' ? (
            <TextInput label={t('form.externalUrl')} type="url" value={externalUrl} onChange={(e) => setExternalUrl(e.currentTarget.value)} required />
          ) : (
            <FileInput label={t('form.file')} placeholder={t('upload.choose')} accept={acceptFor(kind)} value={file} onChange={setFile} required data-testid="material-file" />
          )}
          {upload.state.phase === 'uploading' ? <UploadProgress state={upload.state} /> : null}
          {create.error ? <ErrorAlert error={create.error} /> : null}
          {upload.state.phase === 'failed' ? <ErrorAlert error={upload.state.error} /> : null}
          {publishers.length === 0 ? <Text c="red">{t('form.noPublisher')}</Text> : null}
          <Button type="submit" loading={busy} disabled={publishers.length === 0} data-testid="material-submit">
            {t('form.submit')}
          </Button>
        </Stack>
      </Card>
    </Stack>
  );
}
