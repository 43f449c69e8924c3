import { Anchor, Badge, Button, Card, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { MaterialDetail } from '@tadamon/shared';
import { ErrorAlert } from '../../../components/error-alert';
import { usePublicMaterial } from '../api/get-public-material';
import { topicLabel } from '../components/material-card';
import { useSizeFormat } from '../components/use-size-format';
import { useVisitorLanguage } from './public-library-route';
import { inLanguage } from '../../../components/in-language';
import { LanguageVersionSwitch, useLanguageVersion } from '../../../components/language-version-switch';

const publicContentUrl = (fileId: string, download = false) =>
  `/api/public/material-files/${fileId}/content${download ? '?download=1' : ''}`;

/** One public material for a visitor: its texts, the file to open or download, a way to sign in. */
export function PublicMaterialRoute() {
  const { id = '' } = useParams();
  const material = usePublicMaterial(id, useVisitorLanguage());

  if (material.isPending) return <Skeleton height={300} aria-busy="true" />;
  if (material.error) return <ErrorAlert error={material.error} onRetry={() => void material.refetch()} />;
  return <MaterialPage material={material.data} />;
}

/** The reader's language (or the network's fallback) first, unless they pick another. */
function MaterialPage({ material: m }: { material: MaterialDetail }) {
  const { t } = useTranslation('materials');
  const format = useSizeFormat();
  const [translation, setChosen] = useLanguageVersion(m.translations);
  const file = translation.currentFile;

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Anchor component={Link} to="/public/library" size="sm">
          {t('material.back')}
        </Anchor>
        <Anchor component={Link} to={`/sign-in?next=${encodeURIComponent(`/library/${m.id}`)}`} size="sm">
          {t('public.signIn')}
        </Anchor>
      </Group>
      <div {...inLanguage(translation.language)}>
        <Title order={1}>{translation.title}</Title>
        {translation.summary ? <Text mt="xs">{translation.summary}</Text> : null}
      </div>
      <Group gap="xs">
        <Badge variant="light">{topicLabel(t, m)}</Badge>
        <Badge variant="light" color="gray">
          {t(`kinds.${m.kind}`)}
        </Badge>
      </Group>
      {m.organisationName || m.licence ? (
        <Text size="sm" c="dimmed">
          {[m.organisationName, m.licence && t('material.licence', { licence: m.licence })].filter(Boolean).join(' · ')}
        </Text>
      ) : null}
      {m.translations.length > 1 ? (
        <LanguageVersionSwitch
          label={t('translations.label')}
          languages={m.translations.map((v) => v.language)}
          value={translation.language}
          onChange={setChosen}
          nameOf={(language) => t(`languages.${language}`, { defaultValue: language })}
        />
      ) : null}
      <Card withBorder padding="md">
        {translation.externalUrl ? (
          <Button component="a" href={translation.externalUrl} target="_blank" rel="noopener noreferrer" variant="light">
            {t('viewer.openLink')}
          </Button>
        ) : file ? (
          <Group gap="xs">
            <Button component="a" href={publicContentUrl(file.id)} target="_blank" rel="noopener" variant="light">
              {t('public.open')}
            </Button>
            <Button component="a" href={publicContentUrl(file.id, true)} variant="default" download={file.originalName}>
              {t('viewer.download', { size: format.bytes(file.sizeBytes) })}
            </Button>
          </Group>
        ) : (
          <Text c="dimmed">{t('viewer.noFile')}</Text>
        )}
      </Card>
    </Stack>
  );
}
