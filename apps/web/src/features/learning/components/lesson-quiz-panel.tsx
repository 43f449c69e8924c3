import { Button, Card, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { QuizMeta } from '@tadamon/shared';
import { RetryCountdown } from './retry-countdown';

/** Pass mark, attempts used and left, the wait before the next attempt, and the way in. */
export function LessonQuizPanel({ quiz, quizUrl }: { quiz: QuizMeta; quizUrl: string }) {
  const { t } = useTranslation('learning');
  const exhausted = quiz.attemptsLeft === 0 && !quiz.openAttemptId;
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="quiz-title">
      <Stack gap="xs">
        <Title order={2} size="h4" id="quiz-title">
          {t('quiz.title')}
        </Title>
        <Text size="sm">{t('quiz.summary', { count: quiz.questionCount, pass: quiz.passPercent })}</Text>
        <Text size="sm">
          {quiz.attemptLimit === null
            ? t('quiz.attemptsUnlimited', { used: quiz.attemptsUsed })
            : t('quiz.attempts', { used: quiz.attemptsUsed, left: quiz.attemptsLeft ?? 0 })}
        </Text>
        {quiz.passed ? (
          <Text c="teal.8" fw={600} data-testid="quiz-passed">
            {t('quiz.passedWith', { score: quiz.bestScorePercent ?? 0 })}
          </Text>
        ) : exhausted ? (
          <Text c="red.8">{t('quiz.exhausted')}</Text>
        ) : quiz.nextAttemptAt ? (
          <RetryCountdown until={quiz.nextAttemptAt} />
        ) : (
          // One press: the quiz screen starts a new attempt on arrival (?start=1); an open one is resumed.
          <Button component={Link} to={quiz.openAttemptId ? quizUrl : `${quizUrl}?start=1`} data-testid="open-quiz">
            {quiz.openAttemptId ? t('quiz.resume') : quiz.attemptsUsed > 0 ? t('quiz.retry') : t('quiz.start')}
          </Button>
        )}
      </Stack>
    </Card>
  );
}
