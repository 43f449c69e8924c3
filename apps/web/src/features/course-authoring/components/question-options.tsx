import { Button, Checkbox, Group, Radio, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { TEXT_LIMITS, type QuizQuestionType } from '@tadamon/shared';
import { LocalisedFields } from './localised-fields';
import { ReorderButtons, moved } from './reorder-buttons';

export interface OptionDraft {
  id: string;
  texts: Record<string, string>;
  correct: boolean;
  feedback: Record<string, string>;
}

let counter = 0;
/** Short option ids the API accepts ([a-z0-9-]{1,20}), unique within the question. */
export const newOptionId = () => `o${Date.now().toString(36).slice(-5)}${(counter++).toString(36)}`;

/** The options of a choice or ordering question; for ORDERING the list order is the answer. */
export function ChoiceOptions({ type, languages, options, onChange, disabled }: { type: QuizQuestionType; languages: string[]; options: OptionDraft[]; onChange: (o: OptionDraft[]) => void; disabled?: boolean }) {
  const { t } = useTranslation('courseAuthoring');
  const set = (index: number, patch: Partial<OptionDraft>) =>
    onChange(options.map((o, i) => (i === index ? { ...o, ...patch } : type === 'SINGLE_CHOICE' && patch.correct ? { ...o, correct: false } : o)));
  return (
    <Stack gap="xs" role="group" aria-label={t('questions.options')}>
      <Text fw={600} size="sm">
        {type === 'ORDERING' ? t('questions.orderingHint') : t('questions.options')}
      </Text>
      {options.map((option, index) => (
        <Stack key={option.id} gap={4} className="question-option">
          <LocalisedFields label={t('questions.optionNumber', { number: index + 1 })} languages={languages} value={option.texts} maxLength={TEXT_LIMITS.option}
            onChange={(texts) => set(index, { texts })} disabled={disabled} />
          <LocalisedFields label={t('questions.feedback')} languages={languages} value={option.feedback} maxLength={TEXT_LIMITS.feedback}
            onChange={(feedback) => set(index, { feedback })} disabled={disabled} />
          <Group gap="xs">
            {type === 'ORDERING' ? (
              <ReorderButtons index={index} count={options.length} name={t('questions.optionNumber', { number: index + 1 })} disabled={disabled}
                onMove={(to) => onChange(moved(options.map((o) => o.id), index, to).map((id) => options.find((o) => o.id === id)!))} />
            ) : (
              <Checkbox label={t('questions.correct')} checked={option.correct} disabled={disabled} onChange={(e) => set(index, { correct: e.currentTarget.checked })} />
            )}
            {!disabled ? (
              <Button size="compact-sm" variant="subtle" color="red" onClick={() => onChange(options.filter((_, i) => i !== index))}>
                {t('actions.remove')}
              </Button>
            ) : null}
          </Group>
        </Stack>
      ))}
      {!disabled ? (
        <Group>
          <Button size="xs" variant="default" onClick={() => onChange([...options, { id: newOptionId(), texts: {}, correct: false, feedback: {} }])}>
            {t('questions.addOption')}
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}

/** TRUE_FALSE: which of the two is right, and feedback for each. */
export function TrueFalseOptions({ languages, options, onChange, disabled }: { languages: string[]; options: OptionDraft[]; onChange: (o: OptionDraft[]) => void; disabled?: boolean }) {
  const { t } = useTranslation('courseAuthoring');
  const correct = options.find((o) => o.correct)?.id ?? 'true';
  return (
    <Stack gap="xs">
      <Radio.Group label={t('questions.rightAnswer')} value={correct} onChange={(value) => onChange(options.map((o) => ({ ...o, correct: o.id === value })))}>
        <Group>
          <Radio value="true" label={t('questions.true')} disabled={disabled} />
          <Radio value="false" label={t('questions.false')} disabled={disabled} />
        </Group>
      </Radio.Group>
      {options.map((option, index) => (
        <LocalisedFields key={option.id} label={t('questions.feedbackFor', { answer: t(`questions.${option.id}`) })} languages={languages} value={option.feedback}
          maxLength={TEXT_LIMITS.feedback} disabled={disabled} onChange={(feedback) => onChange(options.map((o, i) => (i === index ? { ...o, feedback } : o)))} />
      ))}
    </Stack>
  );
}

export function defaultOptions(type: QuizQuestionType): OptionDraft[] {
  if (type === 'SHORT_TEXT') return [];
  if (type === 'TRUE_FALSE') {
    return [
      { id: 'true', texts: {}, correct: true, feedback: {} },
      { id: 'false', texts: {}, correct: false, feedback: {} },
    ];
  }
  return [0, 1].map(() => ({ id: newOptionId(), texts: {}, correct: false, feedback: {} }));
}
