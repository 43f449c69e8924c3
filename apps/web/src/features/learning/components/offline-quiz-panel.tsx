import { useState } from 'react';
import { Alert, Button, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OfflineLesson } from '@tadamon/shared';
import { useFormatters } from '../../../lib/intl';
import { attemptsUsed, saveAnswer, startOfflineAttempt, submitOfflineAttempt } from '../offline/learn-offline';
import type { OfflineAttempt, SavedCourse } from '../offline/offline-db';
import { useOfflineUserId } from '../offline/use-offline-store';
import { QuizQuestion } from './quiz-question';
import { QuizResultView } from './quiz-result-view';

/** When the next attempt may start, counting attempts taken on this device. */
function nextAttemptAt(lesson: OfflineLesson, local: OfflineAttempt[]): string | null {
  const wait = (lesson.quiz?.retryWaitMinutes ?? 0) * 60_000;
  const last = local.filter((a) => a.submittedAt).map((a) => a.submittedAt!).sort().at(-1);
  const fromDevice = last && wait > 0 ? new Date(new Date(last).getTime() + wait).toISOString() : null;
  const candidates = [lesson.quiz?.nextAttemptAt ?? null, fromDevice].filter((d): d is string => !!d && d > new Date().toISOString());
  return candidates.sort().at(-1) ?? null;
}

/** The questions of an attempt taken offline; each change is shown at once and kept on the device. */
function OfflineAttemptForm({ lesson, draft }: { lesson: OfflineLesson; draft: OfflineAttempt }) {
  const { t } = useTranslation('learningOffline');
  const userId = useOfflineUserId();
  const [answers, setAnswers] = useState(draft.answers);
  const questions = draft.questionIds.map((id) => lesson.quiz!.pool.find((q) => q.id === id)!).filter(Boolean);
  const answerOf = (q: (typeof questions)[number]) =>
    answers[q.id] ?? (q.type === 'ORDERING' ? { optionIds: draft.optionOrders[q.id] ?? q.options.map((o) => o.id) } : undefined);
  const answered = questions.filter((q) => {
    const a = answerOf(q);
    return q.type === 'SHORT_TEXT' ? !!a?.text?.trim() : (a?.optionIds?.length ?? 0) > 0;
  }).length;
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void submitOfflineAttempt(userId, { ...draft, answers: Object.fromEntries(questions.map((q) => [q.id, answerOf(q) ?? {}])) });
      }}
    >
      <Stack gap="lg">
        {questions.map((question, index) => (
          <QuizQuestion
            key={question.id}
            question={{ ...question, options: (draft.optionOrders[question.id] ?? []).map((id) => question.options.find((o) => o.id === id)!).filter(Boolean) }}
            number={index + 1}
            answer={answerOf(question)}
            onChange={(answer) => {
              setAnswers((all) => ({ ...all, [question.id]: answer }));
              void saveAnswer(userId, draft.eventId, question.id, answer);
            }}
          />
        ))}
        <Text size="sm" role="status">
          {t('quiz.answered', { answered, total: questions.length })}
        </Text>
        <Button type="submit" disabled={answered < questions.length} data-testid="submit-offline-quiz">
          {t('quiz.submit')}
        </Button>
      </Stack>
    </form>
  );
}

/**
 * A quiz taken with no connection: questions drawn from the saved pool, every answer kept on
 * the device as it changes, the attempt queued on submit and graded by the server on sync —
 * with the same limits and waiting time, checked here first so nobody wastes an attempt.
 */
export function OfflineQuizPanel({ saved, lesson, attempts }: { saved: SavedCourse; lesson: OfflineLesson; attempts: OfflineAttempt[] }) {
  const { t } = useTranslation('learningOffline');
  const { t: tErr } = useTranslation('errors');
  const format = useFormatters();
  const userId = useOfflineUserId();
  const quiz = lesson.quiz!;
  const mine = attempts.filter((a) => a.lessonId === lesson.id);
  const draft = mine.find((a) => a.state === 'draft');
  const latest = [...mine].filter((a) => a.state !== 'draft').sort((a, b) => (a.submittedAt ?? '').localeCompare(b.submittedAt ?? '')).at(-1);
  const used = attemptsUsed(lesson, mine);
  const passed = quiz.passed || mine.some((a) => a.state === 'graded' && a.result?.passed);
  const waitUntil = nextAttemptAt(lesson, mine);
  const limitReached = quiz.attemptLimit !== null && used >= quiz.attemptLimit;

  if (draft) return <OfflineAttemptForm key={draft.eventId} lesson={lesson} draft={draft} />;

  return (
    <Stack gap="sm" data-testid="offline-quiz">
      <Title order={2} size="h4">
        {t('quiz.title')}
      </Title>
      <Text size="sm">
        {t('quiz.rules', { pass: quiz.passPercent, count: quiz.questionCount })}{' '}
        {quiz.attemptLimit !== null ? t('quiz.attemptsLeft', { count: Math.max(0, quiz.attemptLimit - used) }) : null}
      </Text>
      {latest?.state === 'submitted' ? (
        <Alert color="blue" role="status" data-testid="offline-quiz-submitted">
          {t('quiz.submitted')}
        </Alert>
      ) : null}
      {latest?.state === 'kept' ? (
        <Alert color="orange" role="status" data-testid="offline-quiz-kept">
          {t('quiz.kept', { reason: tErr(latest.reason ?? 'INTERNAL', { defaultValue: tErr('INTERNAL') }) })}
        </Alert>
      ) : null}
      {latest?.state === 'graded' && latest.result ? <QuizResultView result={latest.result} /> : null}
      {passed ? (
        <Text c="teal.8">{t('quiz.passed')}</Text>
      ) : latest?.state === 'submitted' ? null : limitReached ? (
        <Text c="dimmed">{t('quiz.noAttemptsLeft')}</Text>
      ) : waitUntil ? (
        <Text c="dimmed">{t('quiz.waitUntil', { time: format.dateTime(waitUntil) })}</Text>
      ) : (
        <Button onClick={() => void startOfflineAttempt(userId, saved, lesson)} data-testid="start-offline-quiz">
          {t('quiz.start')}
        </Button>
      )}
    </Stack>
  );
}
