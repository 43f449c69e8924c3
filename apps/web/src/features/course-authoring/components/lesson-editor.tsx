import { useState } from 'react';
import { Button, Card, Checkbox, Group, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { TEXT_LIMITS, type AuthoringLesson } from '@tadamon/shared';
import { useEditor } from './editor-context';
import { LocalisedFields, compact } from './localised-fields';
import { MarkdownFields } from './markdown-fields';
import { MaterialPicker, type PickedMaterial } from './material-picker';
import { NumberField } from './number-field';

/** One lesson: texts, Markdown body with preview, library material, quiz settings, practical sign-off. */
export function LessonEditor({ lesson, onClose }: { lesson: AuthoringLesson; onClose: () => void }) {
  const { t } = useTranslation('courseAuthoring');
  const { tree, change, pending, readOnly, languages } = useEditor();
  const [titles, setTitles] = useState(lesson.titles);
  const [bodies, setBodies] = useState(lesson.bodies);
  const [material, setMaterial] = useState<PickedMaterial | null>(lesson.material);
  const [minutes, setMinutes] = useState<number | null>(lesson.estimatedMinutes);
  const [quiz, setQuiz] = useState({
    hasQuiz: lesson.hasQuiz,
    quizPool: lesson.quizPool,
    quizQuestionCount: lesson.quizQuestionCount,
    quizPassPercent: lesson.quizPassPercent,
    quizAttemptLimit: lesson.quizAttemptLimit,
    quizRetryWaitMinutes: lesson.quizRetryWaitMinutes,
  });
  const [practical, setPractical] = useState(lesson.requiresPractical);
  const [instructions, setInstructions] = useState(lesson.practicalInstructions);
  const pools = [...new Set(tree.questions.map((q) => q.pool).filter(Boolean))];
  const poolSize = quiz.quizPool ? tree.questions.filter((q) => q.pool === quiz.quizPool).length : tree.questions.length;

  const save = () =>
    void change({
      method: 'PATCH',
      path: `/lessons/${lesson.id}`,
      body: {
        titles: compact(titles),
        bodies: compact(bodies),
        materialId: material?.id ?? null,
        estimatedMinutes: minutes ?? 1,
        ...quiz,
        requiresPractical: practical,
        practicalInstructions: compact(instructions),
      },
    }).then((ok) => ok && onClose());

  return (
    <Card withBorder padding="sm" mt="xs" component="section" aria-label={t('lesson.heading')} className="lesson-editor" data-testid="lesson-editor">
      <Stack gap="sm">
        <Title order={4} size="h5">
          {t('lesson.heading')}
        </Title>
        <LocalisedFields label={t('fields.title')} languages={languages} value={titles} onChange={setTitles} maxLength={TEXT_LIMITS.title} disabled={readOnly} />
        <MarkdownFields languages={languages} value={bodies} onChange={setBodies} disabled={readOnly} />
        <MaterialPicker value={material} onChange={setMaterial} disabled={readOnly} />
        <NumberField label={t('lesson.minutes')} value={minutes} onChange={setMinutes} min={1} max={600} disabled={readOnly} />

        <Checkbox label={t('quiz.hasQuiz')} checked={quiz.hasQuiz} disabled={readOnly} onChange={(e) => setQuiz({ ...quiz, hasQuiz: e.currentTarget.checked })} data-testid="lesson-has-quiz" />
        {quiz.hasQuiz ? (
          <SimpleGrid cols={{ base: 1, sm: 2 }} role="group" aria-label={t('quiz.settings')}>
            <TextInput label={t('quiz.pool')} description={t('quiz.poolHint', { count: poolSize })} value={quiz.quizPool} list="quiz-pools" maxLength={40}
              disabled={readOnly} onChange={(e) => setQuiz({ ...quiz, quizPool: e.currentTarget.value })} />
            <datalist id="quiz-pools">
              {pools.map((p) => (
                <option key={p} value={p} />
              ))}
            </datalist>
            <NumberField label={t('quiz.questionCount')} description={t('quiz.questionCountHint')} value={quiz.quizQuestionCount} nullable min={1} max={100}
              disabled={readOnly} onChange={(v) => setQuiz({ ...quiz, quizQuestionCount: v })} testId="quiz-count" />
            <NumberField label={t('quiz.passPercent')} value={quiz.quizPassPercent} min={1} max={100} disabled={readOnly}
              onChange={(v) => setQuiz({ ...quiz, quizPassPercent: v ?? 70 })} />
            <NumberField label={t('quiz.attemptLimit')} description={t('quiz.attemptLimitHint')} value={quiz.quizAttemptLimit} nullable min={1} max={20}
              disabled={readOnly} onChange={(v) => setQuiz({ ...quiz, quizAttemptLimit: v })} />
            <NumberField label={t('quiz.retryWait')} value={quiz.quizRetryWaitMinutes} min={0} max={10080} disabled={readOnly}
              onChange={(v) => setQuiz({ ...quiz, quizRetryWaitMinutes: v ?? 0 })} />
          </SimpleGrid>
        ) : null}

        <Checkbox label={t('lesson.requiresPractical')} checked={practical} disabled={readOnly} onChange={(e) => setPractical(e.currentTarget.checked)} />
        {practical ? (
          <LocalisedFields label={t('lesson.instructions')} languages={languages} value={instructions} onChange={setInstructions} maxLength={TEXT_LIMITS.instructions} multiline disabled={readOnly} />
        ) : null}

        <Group justify="space-between">
          <Group>
            {!readOnly ? (
              <Button onClick={save} loading={pending} data-testid="save-lesson">
                {t('actions.save')}
              </Button>
            ) : null}
            <Button variant="default" onClick={onClose}>
              {t('actions.close')}
            </Button>
          </Group>
          {!readOnly ? (
            <Button variant="subtle" color="red" onClick={() => {
              if (window.confirm(t('lesson.confirmDelete'))) void change({ method: 'DELETE', path: `/lessons/${lesson.id}` });
            }}>
              {t('actions.delete')}
            </Button>
          ) : null}
        </Group>
      </Stack>
    </Card>
  );
}
