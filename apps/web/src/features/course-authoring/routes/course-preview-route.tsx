import '../components/course-authoring-styles';
import { Alert, Anchor, Card, Skeleton, Stack, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { AuthoringLesson, CourseVersionTree } from '@tadamon/shared';
import { ErrorAlert } from '../../../components/error-alert';
import { inLanguage } from '../../../components/in-language';
import { LanguageVersionSwitch, useLanguageVersion } from '../../../components/language-version-switch';
import { MarkdownHtml } from '../../../components/markdown-html';
import { useCourseTree } from '../api/get-course';
import { useLessonHtml } from '../api/lesson-html';
import { pick } from '../components/localised-fields';

/**
 * "Preview as a learner": the version being edited (the draft, else the published one) as
 * learners will read it — course, modules, lessons with their text rendered as they will be —
 * from the editors' own copy. Nobody is enrolled and no progress is recorded.
 */
export function CoursePreviewRoute() {
  const { t } = useTranslation('courseAuthoring');
  const { id = '' } = useParams();
  const tree = useCourseTree(id, null);
  if (tree.isPending) return <Skeleton height={300} aria-busy="true" />;
  if (tree.error) return <ErrorAlert error={tree.error} onRetry={() => void tree.refetch()} />;
  return (
    <Stack gap="md">
      <Anchor component={Link} to={`/course-authoring/courses/${id}`} size="sm">
        {t('preview.back')}
      </Anchor>
      <CoursePreview tree={tree.data} />
    </Stack>
  );
}

function CoursePreview({ tree }: { tree: CourseVersionTree }) {
  const { t } = useTranslation(['courseAuthoring', 'materials']);
  const { version, modules } = tree;
  const [shown, setShown] = useLanguageVersion(version.languages.map((language) => ({ language })));
  const language = shown?.language ?? version.languages[0] ?? 'en';
  return (
    <>
      <Alert color="blue" variant="light" title={t('preview.title')} data-testid="learner-preview-notice">
        {version.state === 'DRAFT' ? t('preview.draftNotice', { number: version.number }) : t('preview.publishedNotice', { number: version.number })}
      </Alert>
      {version.languages.length > 1 ? (
        <LanguageVersionSwitch
          label={t('preview.language')}
          languages={version.languages}
          value={language}
          onChange={setShown}
          nameOf={(code) => t(`materials:languages.${code}`, { defaultValue: code })}
        />
      ) : null}
      <div {...inLanguage(language)}>
        <Title order={1} data-testid="preview-course-title">
          {pick(version.titles, language)}
        </Title>
        {pick(version.summaries, language) ? <Text mt="xs">{pick(version.summaries, language)}</Text> : null}
      </div>
      {modules.map((module) => (
        <Card withBorder padding="md" component="section" key={module.id}>
          <Stack gap="sm">
            <Title order={2} size="h3" {...inLanguage(language)}>
              {pick(module.titles, language)}
            </Title>
            {module.lessons.map((lesson) => (
              <LessonPreview key={lesson.id} lesson={lesson} language={language} />
            ))}
          </Stack>
        </Card>
      ))}
    </>
  );
}

function LessonPreview({ lesson, language }: { lesson: AuthoringLesson; language: string }) {
  const { t } = useTranslation('courseAuthoring');
  const body = pick(lesson.bodies, language);
  const html = useLessonHtml(body);
  return (
    <article data-testid="preview-lesson">
      <Title order={3} size="h4" {...inLanguage(language)}>
        {pick(lesson.titles, language)}
      </Title>
      <Text size="sm" c="dimmed">
        {t('preview.minutes', { count: lesson.estimatedMinutes })}
      </Text>
      {html.data ? <MarkdownHtml html={html.data.html} language={language} /> : body ? <Skeleton height={60} /> : null}
      {lesson.material ? <Text size="sm" dir="auto">{t('preview.material', { title: lesson.material.title })}</Text> : null}
      {lesson.hasQuiz ? <Text size="sm">{t('preview.quiz', { percent: lesson.quizPassPercent })}</Text> : null}
      {lesson.requiresPractical ? <Text size="sm">{t('preview.practical')}</Text> : null}
    </article>
  );
}
