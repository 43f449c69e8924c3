import '../components/course-authoring-styles';
import { useState } from 'react';
import { Button, Card, NativeSelect, SimpleGrid, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { COURSE_ENROLMENT_POLICIES, MATERIAL_AUDIENCES, TEXT_LIMITS, type CourseEnrolmentPolicy, type Language } from '@tadamon/shared';
import { LanguageOptions } from '../../../components/language-options';
import { isLanguage } from '../../../lib/languages';
import { useSignedInSession } from '../../../lib/session';
import { useCreateCourse } from '../api/create-course';
import { EditorMessages } from '../components/editor-messages';
import { publishersOf } from '../components/publishers';
import { TopicSelect, topicFields } from '../components/topic-select';
import { inLanguage } from '../../../components/in-language';

type Audience = (typeof MATERIAL_AUDIENCES)[number];

/** A new course: where it belongs, its topic and audience, and its first language's title. */
export function NewCourseRoute() {
  const { t, i18n } = useTranslation('courseAuthoring');
  const session = useSignedInSession();
  const navigate = useNavigate();
  const publishers = publishersOf(session);
  const create = useCreateCourse();
  const [publisher, setPublisher] = useState(publishers[0]?.value ?? '');
  const [topic, setTopic] = useState('FIRST_AID');
  const [audience, setAudience] = useState<Audience>('VOLUNTEERS');
  const [policy, setPolicy] = useState<CourseEnrolmentPolicy>('NETWORK');
  const [language, setLanguage] = useState<Language>(isLanguage(i18n.language) ? i18n.language : 'en');
  const [title, setTitle] = useState('');
  const [summary, setSummary] = useState('');
  const chosen = publishers.find((p) => p.value === publisher);

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (!chosen) return;
    create.mutate(
      { networkId: chosen.networkId, organisationId: chosen.organisationId, ...topicFields(topic), audience, enrolmentPolicy: policy, language, title, summary },
      { onSuccess: (tree) => void navigate(`/course-authoring/courses/${tree.course.id}`) },
    );
  };

  return (
    <Stack gap="md">
      <Title order={1}>{t('create.heading')}</Title>
      <Card withBorder padding="md" component="form" onSubmit={submit}>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NativeSelect label={t('create.owner')} value={publisher} onChange={(e) => setPublisher(e.currentTarget.value)}>
              {publishers.map((p) => (
                <option key={p.value} value={p.value}>
                  {p.organisationId ? p.label : t('create.networkWide', { network: p.label })}
                </option>
              ))}
            </NativeSelect>
            {chosen ? <TopicSelect networkId={chosen.networkId} value={topic} onChange={setTopic} /> : null}
            <NativeSelect label={t('fields.audience')} value={audience} onChange={(e) => setAudience(e.currentTarget.value as Audience)}>
              {MATERIAL_AUDIENCES.map((a) => (
                <option key={a} value={a}>
                  {t(`audiences.${a}`)}
                </option>
              ))}
            </NativeSelect>
            <NativeSelect label={t('fields.enrolmentPolicy')} value={policy} onChange={(e) => setPolicy(e.currentTarget.value as CourseEnrolmentPolicy)}>
              {COURSE_ENROLMENT_POLICIES.filter((p) => p !== 'ORGANISATION' || chosen?.organisationId).map((p) => (
                <option key={p} value={p}>
                  {t(`policies.${p}`)}
                </option>
              ))}
            </NativeSelect>
            <NativeSelect label={t('create.language')} value={language} onChange={(e) => setLanguage(e.currentTarget.value as Language)}>
              <LanguageOptions />
            </NativeSelect>
          </SimpleGrid>
          <TextInput label={t('fields.title')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} required minLength={2} maxLength={TEXT_LIMITS.title} {...inLanguage(language)} data-testid="course-title" />
          <Textarea label={t('fields.summary')} value={summary} onChange={(e) => setSummary(e.currentTarget.value)} maxLength={TEXT_LIMITS.summary} autosize minRows={2} {...inLanguage(language)} />
          {create.error ? <ErrorOnly error={create.error} /> : null}
          <Button type="submit" loading={create.isPending} disabled={!chosen} data-testid="create-course">
            {t('create.submit')}
          </Button>
        </Stack>
      </Card>
    </Stack>
  );
}

function ErrorOnly({ error }: { error: unknown }) {
  // The banner's validation list reads field codes; it needs no tree for these.
  return <EditorMessages error={error} tree={EMPTY_TREE} onClose={() => undefined} />;
}

const EMPTY_TREE = { modules: [], questions: [] } as unknown as Parameters<typeof EditorMessages>[0]['tree'];
