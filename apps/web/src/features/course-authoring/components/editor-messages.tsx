import { Alert, List } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { CourseVersionTree, PublishProblem } from '@tadamon/shared';
import { ErrorAlert } from '../../../components/error-alert';
import { isApiError } from '../../../lib/api-client';
import { LANGUAGE_NAMES, isLanguage } from '../../../lib/languages';
import { pick } from './localised-fields';

/**
 * The editor's banner for a change that did not land: someone else's newer change (409, the
 * screen now shows theirs), what stops publishing (each problem named), field errors by code,
 * or any other error.
 */
export function EditorMessages({ error, tree, onClose }: { error: unknown; tree: CourseVersionTree; onClose: () => void }) {
  const { t, i18n } = useTranslation('courseAuthoring');
  if (!error) return null;
  const close = { withCloseButton: true, closeButtonLabel: t('actions.close'), onClose };
  if (isApiError(error) && error.code === 'CONFLICT') {
    return (
      <Alert color="orange" role="alert" title={t('conflict.title')} data-testid="conflict-alert" {...close}>
        {t('conflict.body')}
      </Alert>
    );
  }
  if (isApiError(error) && error.code === 'COURSE_PUBLISH_BLOCKED') {
    const problems = ((error.details as { problems?: PublishProblem[] })?.problems ?? []) as PublishProblem[];
    return (
      <Alert color="red" role="alert" title={t('publish.blockedTitle')} data-testid="publish-problems" {...close}>
        <List size="sm">
          {problems.map((problem, index) => (
            <List.Item key={index}>{describeProblem(problem, tree, t, i18n.language)}</List.Item>
          ))}
        </List>
      </Alert>
    );
  }
  if (isApiError(error) && error.code === 'VALIDATION_FAILED' && Object.keys(error.fields).length > 0) {
    return (
      <Alert color="red" role="alert" title={t('validation.title')} {...close}>
        <List size="sm">
          {Object.entries(error.fields).flatMap(([field, issues]) =>
            issues.map((issue, index) => {
              const code = issue.code === 'custom' ? issue.message : issue.code;
              return (
                <List.Item key={`${field}-${index}`}>
                  {t(`validation.codes.${code}`, { defaultValue: t('validation.generic', { field }) })}
                </List.Item>
              );
            }),
          )}
        </List>
      </Alert>
    );
  }
  return <ErrorAlert error={error} />;
}

type T = TFunction<'courseAuthoring'>;

function describeProblem(problem: PublishProblem, tree: CourseVersionTree, t: T, language: string): string {
  const module = tree.modules.find((m) => m.id === problem.moduleId);
  const lesson = module?.lessons.find((l) => l.id === problem.lessonId);
  const questionIndex = tree.questions.findIndex((q) => q.id === problem.questionId);
  const where = lesson
    ? t('publish.where.lesson', { title: pick(lesson.titles, language) })
    : questionIndex >= 0
      ? t('publish.where.question', { number: questionIndex + 1 })
      : module
        ? t('publish.where.module', { title: pick(module.titles, language) })
        : t('publish.where.course');
  return t(`publish.problems.${problem.code}`, {
    where,
    field: problem.field ? t(`publish.fields.${problem.field}`) : '',
    language: problem.language && isLanguage(problem.language) ? LANGUAGE_NAMES[problem.language] : (problem.language ?? ''),
    pool: problem.pool || t('quiz.wholeBank'),
    needed: problem.needed,
    available: problem.available,
  });
}
