import { Alert, Card, List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { QuizResult } from '@tadamon/shared';
import { BoxCheckedIcon, BoxIcon } from '../../../components/icons';

/** Score against the pass mark, then each question: right or wrong, the right answer, the feedback. */
export function QuizResultView({ result }: { result: QuizResult }) {
  const { t } = useTranslation('learning');
  return (
    <Stack gap="md" data-testid="quiz-result">
      <Alert color={result.passed ? 'teal' : 'red'} role="status" title={result.passed ? t('result.passed') : t('result.failed')} data-testid={result.passed ? 'quiz-result-passed' : 'quiz-result-failed'}>
        {t('result.score', { score: result.scorePercent, pass: result.passPercent })}
      </Alert>
      {result.courseCompleted && result.passed ? (
        <Alert color="teal" role="status" data-testid="quiz-course-completed">
          {t('result.courseCompleted')}
        </Alert>
      ) : null}
      {result.questions.map((question, index) => (
        <Card key={question.questionId} withBorder padding="sm" component="section">
          <Stack gap={6}>
            <Title order={3} size="h5" dir="auto">
              {t('quiz.questionNumber', { number: index + 1 })} {question.prompt}
            </Title>
            <Text fw={600} c={question.correct ? 'teal.8' : 'red.8'}>
              {question.correct ? t('result.correct') : t('result.incorrect')}
            </Text>
            {question.type === 'ORDERING' ? (
              <>
                <Text size="sm">{t('result.correctOrder')}</Text>
                <List type="ordered" size="sm">
                  {question.correctOrder!.map((id) => (
                    <List.Item key={id}>{question.options.find((o) => o.id === id)?.text}</List.Item>
                  ))}
                </List>
              </>
            ) : question.type === 'SHORT_TEXT' ? (
              <>
                <Text size="sm" dir="auto">
                  {t('result.yourAnswer', { answer: question.givenText || '—' })}
                </Text>
                <Text size="sm" dir="auto">
                  {t('result.accepted', { answers: question.acceptedAnswers.join(' / ') })}
                </Text>
              </>
            ) : (
              <List size="sm" spacing={4} listStyleType="none" ps={0}>
                {question.options.map((option) => (
                  <List.Item key={option.id}>
                    <Text size="sm" span fw={option.correct ? 600 : 400} dir="auto">
                      {option.chosen ? <BoxCheckedIcon className="inline-icon" /> : <BoxIcon className="inline-icon" />}{' '}
                      {option.text}
                      {option.correct ? ` — ${t('result.rightAnswer')}` : ''}
                    </Text>
                    {option.feedback && (option.chosen || option.correct) ? (
                      <Text size="xs" c="dimmed" dir="auto">
                        {option.feedback}
                      </Text>
                    ) : null}
                  </List.Item>
                ))}
              </List>
            )}
            {question.explanation ? (
              <Text size="sm" c="dimmed" dir="auto">
                {question.explanation}
              </Text>
            ) : null}
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}
