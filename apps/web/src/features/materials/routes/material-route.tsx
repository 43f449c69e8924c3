import { Anchor, Badge, Card, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { MaterialDetail } from '@tadamon/shared';
import { ErrorAlert } from '../../../components/error-alert';
import { useMaterial } from '../../../api/get-material';
import { AddTranslationForm } from '../components/add-translation-form';
import { DeleteMaterialButton } from '../components/delete-material-button';
import { FileHistory } from '../components/file-history';
import { FileUpload } from '../components/file-upload';
import { topicLabel } from '../components/material-card';
import { MaterialViewer } from '../components/material-viewer';
import { MediaStatus } from '../components/media-status';
import { PublicationStatus } from '../components/publication-status';
import { inLanguage } from '../../../components/in-language';
import { LanguageVersionSwitch, useLanguageVersion } from '../../../components/language-version-switch';

export function MaterialRoute() {
  const { id = '' } = useParams();
  const material = useMaterial(id);

  if (material.isPending) return <Skeleton height={300} aria-busy="true" />;
  if (material.error) return <ErrorAlert error={material.error} onRetry={() => void material.refetch()} />;
  return <MaterialPage material={material.data} />;
}

/** The reader's language (or the network's fallback) first, unless they pick another. */
function MaterialPage({ material: m }: { material: MaterialDetail }) {
  const { t } = useTranslation('materials');
  const [translation, setChosen] = useLanguageVersion(m.translations);

  return (
    <Stack gap="md">
      <Anchor component={Link} to="/library" size="sm">
        {t('material.back')}
      </Anchor>
      <div {...inLanguage(translation.language)}>
        <Title order={1}>{translation.title}</Title>
        {translation.summary ? <Text mt="xs">{translation.summary}</Text> : null}
      </div>
      <Group gap="xs">
        <Badge variant="light">{topicLabel(t, m)}</Badge>
        <Badge variant="light" color="gray">
          {t(`kinds.${m.kind}`)}
        </Badge>
        <Badge variant="outline" color="gray">
          {t(`audiences.${m.audience}`)}
        </Badge>
        <Badge variant="outline" color="gray">
          {t(`visibility.${m.visibility}`)}
        </Badge>
        {translation.tags.map((tag) => (
          <Badge key={tag} variant="dot" color="gray" {...inLanguage(translation.language)}>
            {tag}
          </Badge>
        ))}
      </Group>
      {m.partner || m.licence || m.organisationName ? (
        <Text size="sm" c="dimmed">
          {[m.organisationName, m.partner && t('material.partner', { partner: m.partner }), m.licence && t('material.licence', { licence: m.licence })]
            .filter(Boolean)
            .join(' · ')}
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
      {m.canEdit ? <PublicationStatus material={m} translation={translation} /> : null}
      <Card withBorder padding="md">
        <MaterialViewer kind={m.kind} translation={translation} />
      </Card>
      {m.canEdit ? (
        <Card withBorder padding="md">
          <Stack gap="sm">
            <Title order={2} size="h4">
              {t('material.manage')}
            </Title>
            {translation.currentFile ? <MediaStatus file={translation.currentFile} /> : null}
            {m.kind !== 'LINK' ? <FileUpload materialId={m.id} translationId={translation.id} kind={m.kind} /> : null}
            <FileHistory materialId={m.id} translationId={translation.id} currentFileId={translation.currentFile?.id ?? null} />
            <AddTranslationForm material={m} onAdded={setChosen} />
            <Group>
              <DeleteMaterialButton materialId={m.id} title={translation.title} />
            </Group>
          </Stack>
        </Card>
      ) : null}
      <div>
        <Title order={2} size="h4">
          {t('material.courses')}
        </Title>
        {m.courses.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('material.noCourses')}
          </Text>
        ) : (
          <ul>
            {m.courses.map((course) => (
              <li key={course.id}>
                <Anchor component={Link} to={`/learning/courses/${course.id}`}>
                  {course.title}
                </Anchor>
              </li>
            ))}
          </ul>
        )}
      </div>
    </Stack>
  );
}
