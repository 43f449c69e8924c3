import { useState } from 'react';
import { Button, Card, Group, NativeSelect, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { QUIZ_QUESTION_TYPES, TEXT_LIMITS, type AuthoringQuestion, type QuizQuestionType } from '@tadamon/shared';
import { LANGUAGE_NAMES, directionOf, isLanguage } from '../../../lib/languages';
import { useEditor } from './editor-context';
import { LocalisedFields, compact } from './localised-fields';
import { NumberField } from './number-field';
import { ChoiceOptions, TrueFalseOptions, defaultOptions, type OptionDraft } from './question-options';

/** Creates or replaces one question of the bank; the server checks each type's rules. */
export function QuestionForm({ question, onDone }: { question: AuthoringQuestion | null; onDone: () => void }) {
  const { t } = useTranslation('courseAuthoring');
  const { tree, change, pending, readOnly, languages } = useEditor();
  const [type, setType] = useState<QuizQuestionType>(question?.type ?? 'SINGLE_CHOICE');
  const [pool, setPool] = useState(question?.pool ?? '');
  const [points, setPoints] = useState<number | null>(question?.points ?? 1);
  const [prompts, setPrompts] = useState(question?.prompts ?? {});
  const [explanations, setExplanations] = useState(question?.explanations ?? {});
  const [options, setOptions] = useState<OptionDraft[]>(question?.options ?? defaultOptions('SINGLE_CHOICE'));
  // Accepted answers typed one per line, per language.
  const [answers, setAnswers] = useState<Record<string, string>>(
    Object.fromEntries(Object.entries(question?.acceptedAnswers ?? {}).map(([l, list]) => [l, list.join('\n')])),
  );

  const changeType = (next: QuizQuestionType) => {
    setType(next);
    setOptions(defaultOptions(next));
  };

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const acceptedAnswers = Object.fromEntries(
      Object.entries(answers)
        .map(([l, text]) => [l, text.split('\n').map((a) => a.trim()).filter(Boolean)] as const)
        .filter(([, list]) => list.length > 0),
    );
    const body = {
      type,
      pool: pool.trim(),
      points: points ?? 1,
      prompts: compact(prompts),
      explanations: compact(explanations),
      options: type === 'SHORT_TEXT' ? [] : options.map((o) => ({ ...o, texts: compact(o.texts), feedback: compact(o.feedback) })),
      acceptedAnswers: type === 'SHORT_TEXT' ? acceptedAnswers : {},
    };
    const sent = question
      ? change({ method: 'PUT', path: `/questions/${question.id}`, body })
      : change({ method: 'POST', path: `/versions/${tree.version.id}/questions`, body });
    void sent.then((ok) => ok && onDone());
  };

  return (
    <Card withBorder padding="sm" component="form" onSubmit={submit} aria-label={question ? t('questions.edit') : t('questions.add')} data-testid="question-form">
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <NativeSelect label={t('questions.type')} value={type} disabled={readOnly || !!question} onChange={(e) => changeType(e.currentTarget.value as QuizQuestionType)} data-testid="question-type">
            {QUIZ_QUESTION_TYPES.map((k) => (
              <option key={k} value={k}>
                {t(`questionTypes.${k}`)}
              </option>
            ))}
          </NativeSelect>
          <TextInput label={t('quiz.pool')} description={t('questions.poolHint')} value={pool} maxLength={40} disabled={readOnly} onChange={(e) => setPool(e.currentTarget.value)} />
          <NumberField label={t('questions.points')} value={points} min={1} max={100} disabled={readOnly} onChange={setPoints} />
        </SimpleGrid>
        <LocalisedFields label={t('questions.prompt')} languages={languages} value={prompts} onChange={setPrompts} maxLength={TEXT_LIMITS.prompt} multiline disabled={readOnly} testId="question-prompt" />
        {type === 'TRUE_FALSE' ? (
          <TrueFalseOptions languages={languages} options={options} onChange={setOptions} disabled={readOnly} />
        ) : type === 'SHORT_TEXT' ? (
          <Stack gap={4}>
            {languages.map((language) => (
              <Textarea key={language} lang={language} dir={directionOf(language)} autosize minRows={2}
                label={t('fields.inLanguage', { field: t('questions.acceptedAnswers'), language: isLanguage(language) ? LANGUAGE_NAMES[language] : language })}
                description={t('questions.acceptedAnswersHint')} value={answers[language] ?? ''} disabled={readOnly}
                onChange={(e) => setAnswers({ ...answers, [language]: e.currentTarget.value })} data-testid={`accepted-${language}`} />
            ))}
          </Stack>
        ) : (
          <ChoiceOptions type={type} languages={languages} options={options} onChange={setOptions} disabled={readOnly} />
        )}
        <LocalisedFields label={t('questions.explanation')} languages={languages} value={explanations} onChange={setExplanations} maxLength={TEXT_LIMITS.explanation} multiline disabled={readOnly} />
        <Group>
          {!readOnly ? (
            <Button type="submit" loading={pending} data-testid="save-question">
              {t('actions.save')}
            </Button>
          ) : null}
          <Button variant="default" onClick={onDone}>
            {t('actions.close')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
