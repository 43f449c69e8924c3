import { ActionIcon, Checkbox, Fieldset, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { QuizAttemptView } from '@tadamon/shared';
import { ArrowDownIcon, ArrowUpIcon } from '../../../components/icons';

type Question = QuizAttemptView['questions'][number];
export interface Answer {
  optionIds?: string[];
  text?: string;
}

/** Ordering with buttons (keyboard, screen readers, small screens), not only dragging. */
function OrderingQuestion({ question, order, onChange }: { question: Question; order: string[]; onChange: (order: string[]) => void }) {
  const { t } = useTranslation('learning');
  const textOf = new Map(question.options.map((o) => [o.id, o.text]));
  const move = (index: number, by: -1 | 1) => {
    const next = [...order];
    [next[index], next[index + by]] = [next[index + by]!, next[index]!];
    onChange(next);
  };
  return (
    <Stack gap={6} component="ol" p={0} m={0} style={{ listStyle: 'none' }} data-testid="ordering-list">
      {order.map((id, index) => (
        <li key={id} className="ordering-item">
          <Text span fw={600} w={24} ta="center" aria-hidden="true">
            {index + 1}
          </Text>
          <Text span className="ordering-item__text" dir="auto">
            {textOf.get(id)}
          </Text>
          <ActionIcon variant="default" size="lg" disabled={index === 0} onClick={() => move(index, -1)} aria-label={t('quiz.moveUp', { item: textOf.get(id) })}>
            <ArrowUpIcon />
          </ActionIcon>
          <ActionIcon variant="default" size="lg" disabled={index === order.length - 1} onClick={() => move(index, 1)} aria-label={t('quiz.moveDown', { item: textOf.get(id) })}>
            <ArrowDownIcon />
          </ActionIcon>
        </li>
      ))}
    </Stack>
  );
}

/** One question of an attempt, any of the five types. */
export function QuizQuestion({ question, number, answer, onChange }: { question: Question; number: number; answer: Answer | undefined; onChange: (answer: Answer) => void }) {
  const { t } = useTranslation('learning');
  const legend = (
    <Text span fw={600} dir="auto">
      {t('quiz.questionNumber', { number })} {question.prompt}
    </Text>
  );
  const chosen = answer?.optionIds ?? [];
  return (
    <Fieldset legend={legend} variant="unstyled" data-testid="quiz-question" data-type={question.type}>
      <Text size="xs" c="dimmed" mb={6}>
        {t(`quiz.hint.${question.type}`)}
      </Text>
      {question.type === 'SINGLE_CHOICE' || question.type === 'TRUE_FALSE' ? (
        <Radio.Group value={chosen[0] ?? null} onChange={(value) => onChange({ optionIds: [value] })}>
          <Stack gap={8}>
            {question.options.map((option) => (
              <Radio key={option.id} value={option.id} label={option.text} />
            ))}
          </Stack>
        </Radio.Group>
      ) : question.type === 'MULTIPLE_CHOICE' ? (
        <Checkbox.Group value={chosen} onChange={(value) => onChange({ optionIds: value })}>
          <Stack gap={8}>
            {question.options.map((option) => (
              <Checkbox key={option.id} value={option.id} label={option.text} />
            ))}
          </Stack>
        </Checkbox.Group>
      ) : question.type === 'ORDERING' ? (
        <OrderingQuestion question={question} order={answer?.optionIds ?? question.options.map((o) => o.id)} onChange={(order) => onChange({ optionIds: order })} />
      ) : (
        <TextInput
          aria-label={t('quiz.yourAnswer')}
          value={answer?.text ?? ''}
          onChange={(event) => onChange({ text: event.currentTarget.value })}
          maxLength={500}
          dir="auto"
          data-testid="short-answer"
        />
      )}
    </Fieldset>
  );
}
