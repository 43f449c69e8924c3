import '../learning.css';
import { useEffect, useRef, useState } from 'react';
import { Anchor, Button, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { Link, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { QuizAttemptView } from '@tadamon/shared';
import { ErrorAlert } from '../../../components/error-alert';
import { useLesson } from '../api/get-lesson';
import { useAttempt, useAttemptResult, useStartAttempt, useSubmitAttempt } from '../api/quiz-attempts';
import { QuizQuestion, type Answer } from '../components/quiz-question';
import { QuizResultView } from '../components/quiz-result-view';
import { RetryCountdown } from '../components/retry-countdown';

function AttemptForm({ enrolmentId, attempt, onSubmitted }: { enrolmentId: string; attempt: QuizAttemptView; onSubmitted: (id: string) => void }) {
  const { t } = useTranslation('learning');
  const submit = useSubmitAttempt(enrolmentId, attempt.id);
  const [answers, setAnswers] = useState<Record<string, Answer>>({});
  // Ordering questions start answered in the order shown; the learner may move them.
  const answerOf = (q: QuizAttemptView['questions'][number]) =>
    answers[q.id] ?? (q.type === 'ORDERING' ? { optionIds: q.options.map((o) => o.id) } : undefined);
  const answered = attempt.questions.filter((q) => {
    const a = answerOf(q);
    return q.type === 'SHORT_TEXT' ? !!a?.text?.trim() : (a?.optionIds?.length ?? 0) > 0;
  }).length;

  const send = () =>
    submit.mutate(
      { answers: attempt.questions.map((q) => ({ questionId: q.id, ...(answerOf(q) ?? {}) })) },
      { onSuccess: () => onSubmitted(attempt.id) },
    );

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        send();
      }}
    >
      <Stack gap="lg">
        <Text size="sm" c="dimmed">
          {t('quiz.attemptNumber', { number: attempt.number })}
        </Text>
        {attempt.questions.map((question, index) => (
          <QuizQuestion
            key={question.id}
            question={question}
            number={index + 1}
            answer={answerOf(question)}
            onChange={(answer) => setAnswers((all) => ({ ...all, [question.id]: answer }))}
          />
        ))}
        <Text size="sm" role="status">
          {t('quiz.answered', { answered, count: attempt.questions.length })}
        </Text>
        {submit.isPending && submit.failureCount > 0 ? (
          <Text size="sm" c="orange.8" role="status">
            {t('lesson.savingRetry')}
          </Text>
        ) : null}
        <ErrorAlert error={submit.error} />
        <Group>
          <Button type="submit" loading={submit.isPending} disabled={answered < attempt.questions.length} data-testid="submit-quiz">
            {t('quiz.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Quiz screen: start (or resume) an attempt, answer, submit, see the result with feedback. */
export function QuizRoute() {
  const { t } = useTranslation('learning');
  const { enrolmentId = '', lessonId = '' } = useParams();
  const lesson = useLesson(enrolmentId, lessonId);
  const start = useStartAttempt(enrolmentId, lessonId);
  const [attemptId, setAttemptId] = useState<string | null>(null);
  const [resultId, setResultId] = useState<string | null>(null);
  const [waitOver, setWaitOver] = useState(false);
  const openId = attemptId ?? lesson.data?.quiz?.openAttemptId ?? null;
  const attempt = useAttempt(enrolmentId, resultId ? null : openId);
  const result = useAttemptResult(enrolmentId, resultId);
  const [params, setParams] = useSearchParams();
  const autoStarted = useRef(false);
  const quizMeta = lesson.data?.quiz;

  // "Start the quiz" on the lesson links here with ?start=1: the attempt begins at once, so one
  // press is enough. Only when a new attempt is allowed now; the flag is dropped from the URL.
  useEffect(() => {
    if (params.get('start') !== '1' || autoStarted.current || !quizMeta) return;
    autoStarted.current = true;
    setParams({}, { replace: true });
    if (quizMeta.openAttemptId || quizMeta.passed || quizMeta.attemptsLeft === 0 || quizMeta.nextAttemptAt) return;
    start.mutate(undefined, { onSuccess: (a) => setAttemptId(a.id) });
  }, [params, quizMeta, setParams, start]);

  if (lesson.isPending) return <Skeleton height={300} aria-busy="true" />;
  if (lesson.error || !lesson.data.quiz) return <ErrorAlert error={lesson.error} onRetry={() => void lesson.refetch()} />;
  const quiz = lesson.data.quiz;
  const lessonUrl = `/learning/enrolments/${enrolmentId}/lessons/${lessonId}`;
  const begin = () => start.mutate(undefined, { onSuccess: (a) => { setResultId(null); setWaitOver(false); setAttemptId(a.id); } });

  const header = (
    <>
      <Anchor component={Link} to={lessonUrl} size="sm" dir="auto">
        {lesson.data.title}
      </Anchor>
      <Title order={1}>{t('quiz.title')}</Title>
      <Text size="sm">{t('quiz.summary', { count: quiz.questionCount, pass: quiz.passPercent })}</Text>
    </>
  );

  if (resultId) {
    if (!result.data) return <Stack>{header}<ErrorAlert error={result.error} /><Skeleton height={200} /></Stack>;
    const r = result.data;
    const canRetry = !r.passed && r.attemptsLeft !== 0;
    const waiting = canRetry && r.nextAttemptAt && !waitOver && new Date(r.nextAttemptAt).getTime() > Date.now();
    return (
      <Stack gap="md">
        {header}
        <QuizResultView result={r} />
        {r.passed ? (
          <Button component={Link} to={r.courseCompleted ? `/learning/courses/${lesson.data.courseId}` : lessonUrl} data-testid="quiz-continue">
            {r.courseCompleted ? t('result.toCourse') : t('result.continue')}
          </Button>
        ) : !canRetry ? (
          <Text c="red.8">{t('quiz.exhausted')}</Text>
        ) : waiting ? (
          <RetryCountdown until={r.nextAttemptAt!} onDone={() => setWaitOver(true)} />
        ) : (
          <Button onClick={begin} loading={start.isPending} data-testid="retry-quiz">
            {t('quiz.retry')}
          </Button>
        )}
        <ErrorAlert error={start.error} />
      </Stack>
    );
  }

  return (
    <Stack gap="md">
      {header}
      {openId ? (
        attempt.data ? (
          <AttemptForm enrolmentId={enrolmentId} attempt={attempt.data} onSubmitted={(id) => { setAttemptId(null); setResultId(id); }} />
        ) : attempt.error ? (
          <ErrorAlert error={attempt.error} onRetry={() => void attempt.refetch()} />
        ) : (
          <Skeleton height={240} aria-busy="true" />
        )
      ) : quiz.passed ? (
        <Text c="teal.8">{t('quiz.passedWith', { score: quiz.bestScorePercent ?? 0 })}</Text>
      ) : (
        <>
          <Text size="sm">
            {quiz.attemptLimit === null ? t('quiz.attemptsUnlimited', { used: quiz.attemptsUsed }) : t('quiz.attempts', { used: quiz.attemptsUsed, left: quiz.attemptsLeft ?? 0 })}
          </Text>
          {quiz.nextAttemptAt && !waitOver ? <RetryCountdown until={quiz.nextAttemptAt} onDone={() => setWaitOver(true)} /> : null}
          <Group>
            <Button onClick={begin} loading={start.isPending} disabled={quiz.attemptsLeft === 0 || (!!quiz.nextAttemptAt && !waitOver)} data-testid="start-quiz">
              {quiz.attemptsUsed > 0 ? t('quiz.retry') : t('quiz.start')}
            </Button>
          </Group>
          <ErrorAlert error={start.error} />
        </>
      )}
    </Stack>
  );
}
