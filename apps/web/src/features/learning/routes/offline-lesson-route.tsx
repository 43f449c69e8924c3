import '../learning.css';
import { useEffect, useRef, useState } from 'react';
import { Alert, Anchor, Button, Group, Stack, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { markLessonDone, openLessons, savePosition } from '../offline/learn-offline';
import type { SavedCourse } from '../offline/offline-db';
import { savedFileUrl } from '../offline/save-course';
import { useCourseAttempts, useOfflineUserId, useSavedCourse } from '../offline/use-offline-store';
import { OfflineQuizPanel } from '../components/offline-quiz-panel';
import { MarkdownHtml } from '../../../components/markdown-html';
import { inLanguage } from '../../../components/in-language';

/** The lesson's saved file (light video, audio track or document), played from the device. */
function SavedMedia({ saved, lessonId }: { saved: SavedCourse; lessonId: string }) {
  const { t } = useTranslation('learningOffline');
  const userId = useOfflineUserId();
  const url = saved.files[lessonId];
  const [src, setSrc] = useState<string | null>(null);
  const [asked, setAsked] = useState(false);
  useEffect(() => {
    if (!url || !asked) return;
    // Each run makes its own local URL and revokes it when replaced; a run replaced before its
    // file was read never shows it (a revoked URL would leave the player with no source).
    let live = true;
    let objectUrl: string | null = null;
    void savedFileUrl(userId, url).then((local) => {
      if (!live) {
        if (local) URL.revokeObjectURL(local);
        return;
      }
      objectUrl = local;
      setSrc(local);
    });
    return () => {
      live = false;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [url, asked, userId]);
  if (!url) return null;
  // Nothing heavy loads until asked (data saver), even from the device.
  if (!asked) {
    return (
      <Button variant="light" onClick={() => setAsked(true)} data-testid="play-saved-media">
        {saved.media === 'audio' ? t('lesson.playAudio') : t('lesson.playMedia')}
      </Button>
    );
  }
  if (!src) return null;
  if (url.includes('/renditions/audio')) return <audio controls src={src} data-testid="saved-audio" />;
  if (url.includes('/renditions/')) return <video controls src={src} style={{ maxInlineSize: '100%' }} data-testid="saved-video" />;
  return (
    <Anchor href={src} target="_blank" rel="noopener">
      {t('lesson.openDocument')}
    </Anchor>
  );
}

/** A saved lesson, read with no connection; "done" is queued and synced later. */
export function OfflineLessonRoute() {
  const { t } = useTranslation('learningOffline');
  const { courseId = '', lessonId = '' } = useParams();
  const userId = useOfflineUserId();
  const saved = useSavedCourse(courseId);
  const attempts = useCourseAttempts(courseId).data ?? [];
  const visited = useRef<string | null>(null);
  const course = saved.data;
  const lesson = course?.package.lessons.find((l) => l.id === lessonId);

  // Opening a lesson is a visit, as online (it is what lets a practical lesson on).
  useEffect(() => {
    if (course && lesson && lesson.status === 'NOT_STARTED' && visited.current !== lesson.id) {
      visited.current = lesson.id;
      void savePosition(userId, course, lesson.id, 0);
    }
  }, [course, lesson, userId]);

  if (saved.loading) return null;
  if (!course || !lesson || !openLessons(course.package.lessons, attempts).has(lesson.id)) {
    return (
      <Stack>
        <Title order={1} size="h3">
          {t('lesson.unavailable')}
        </Title>
        <Anchor component={Link} to={`/learning/offline/${courseId}`}>
          {t('lesson.backToCourse')}
        </Anchor>
      </Stack>
    );
  }
  const lessons = course.package.lessons;
  const index = lessons.indexOf(lesson);
  const next = lessons[index + 1];
  const open = openLessons(lessons, attempts);
  const done = lesson.status === 'COMPLETED';
  const completable = !lesson.quiz && !lesson.practical;

  return (
    <Stack gap="md">
      <Anchor component={Link} to={`/learning/offline/${courseId}`} size="sm">
        {t('lesson.backToCourse')}
      </Anchor>
      <Text size="sm" c="dimmed" dir="auto">
        {lesson.moduleTitle}
      </Text>
      <Title order={1} {...inLanguage(lesson.language)}>
        {lesson.title}
      </Title>
      <SavedMedia saved={course} lessonId={lesson.id} />
      {lesson.bodyHtml ? <MarkdownHtml className="lesson-body" language={lesson.language} html={lesson.bodyHtml} /> : null}
      {lesson.practical ? (
        <Alert color="gray" title={t('lesson.practicalTitle')} data-testid="offline-practical">
          <MarkdownHtml className="lesson-body" html={lesson.practical.instructionsHtml} />
          <Text size="sm" mt="xs">
            {lesson.practical.passed ? t('lesson.practicalPassed') : t('lesson.practicalWaiting')}
          </Text>
        </Alert>
      ) : null}
      {lesson.quiz ? <OfflineQuizPanel saved={course} lesson={lesson} attempts={attempts} /> : null}
      <Group gap="sm">
        {completable && !done ? (
          <Button onClick={() => void markLessonDone(userId, course, lesson.id)} data-testid="offline-mark-done">
            {t('lesson.markDone')}
          </Button>
        ) : null}
        {done ? (
          <Text c="teal.8" data-testid="offline-lesson-done">
            {t('lesson.doneHere')}
          </Text>
        ) : null}
        {next && open.has(next.id) ? (
          <Button component={Link} to={`/learning/offline/${courseId}/lessons/${next.id}`} variant="light" data-testid="offline-next-lesson">
            {t('lesson.next')}
          </Button>
        ) : null}
      </Group>
    </Stack>
  );
}
