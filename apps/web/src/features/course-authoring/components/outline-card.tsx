import { useState } from 'react';
import { Badge, Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { TEXT_LIMITS, type AuthoringModule } from '@tadamon/shared';
import { LANGUAGE_NAMES, isLanguage } from '../../../lib/languages';
import { useEditor } from './editor-context';
import { LessonEditor } from './lesson-editor';
import { LocalisedFields, compact, pick } from './localised-fields';
import { ReorderButtons, moved } from './reorder-buttons';
import { inLanguage } from '../../../components/in-language';

/** Modules and their lessons: add, rename, reorder with up/down buttons, delete, open a lesson. */
export function OutlineCard() {
  const { t } = useTranslation('courseAuthoring');
  const { tree, change, pending, readOnly, languages } = useEditor();
  const [newModule, setNewModule] = useState('');
  const [openLesson, setOpenLesson] = useState<string | null>(null);
  const first = languages[0] ?? 'en';
  const moduleIds = tree.modules.map((m) => m.id);

  return (
    <Card withBorder padding="md" component="section" aria-labelledby="outline-heading">
      <Stack gap="sm">
        <Title order={2} size="h3" id="outline-heading">
          {t('outline.heading')}
        </Title>
        {tree.modules.length === 0 ? <Text c="dimmed">{t('outline.empty')}</Text> : null}
        {tree.modules.map((module, index) => (
          <ModuleBlock
            key={module.id}
            module={module}
            index={index}
            count={tree.modules.length}
            openLesson={openLesson}
            setOpenLesson={setOpenLesson}
            onMove={(to) => void change({ method: 'PUT', path: `/versions/${tree.version.id}/module-order`, body: { ids: moved(moduleIds, index, to) } })}
          />
        ))}
        {!readOnly ? (
          <Group align="end" component="form" onSubmit={(e: React.FormEvent) => {
            e.preventDefault();
            if (!newModule.trim()) return;
            void change({ method: 'POST', path: `/versions/${tree.version.id}/modules`, body: { titles: { [first]: newModule.trim() } } }).then((ok) => ok && setNewModule(''));
          }}>
            <TextInput label={t('outline.newModule')} value={newModule} onChange={(e) => setNewModule(e.currentTarget.value)} maxLength={TEXT_LIMITS.title} {...inLanguage(first)} data-testid="new-module-title" />
            <Button type="submit" variant="default" loading={pending} data-testid="add-module">
              {t('outline.addModule')}
            </Button>
          </Group>
        ) : null}
      </Stack>
      {!readOnly ? (
        <Text size="xs" c="dimmed" mt="xs">
          {t('outline.languageHint', { language: isLanguage(first) ? LANGUAGE_NAMES[first] : first })}
        </Text>
      ) : null}
    </Card>
  );
}

function ModuleBlock({ module, index, count, onMove, openLesson, setOpenLesson }: {
  module: AuthoringModule;
  index: number;
  count: number;
  onMove: (to: number) => void;
  openLesson: string | null;
  setOpenLesson: (id: string | null) => void;
}) {
  const { t, i18n } = useTranslation('courseAuthoring');
  const { change, pending, readOnly, languages } = useEditor();
  const [renaming, setRenaming] = useState(false);
  const [titles, setTitles] = useState(module.titles);
  const [newLesson, setNewLesson] = useState('');
  const name = pick(module.titles, i18n.language);
  const lessonIds = module.lessons.map((l) => l.id);
  const first = languages[0] ?? 'en';

  return (
    <Card withBorder padding="sm" radius="sm" component="article" aria-label={name} className="course-module">
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap">
          <Title order={3} size="h5">
            {t('outline.moduleNumber', { number: index + 1 })} · <span dir="auto">{name}</span>
          </Title>
          {!readOnly ? (
            <Group gap={4}>
              <ReorderButtons index={index} count={count} name={name} onMove={onMove} disabled={pending} />
              <Button size="compact-sm" variant="subtle" onClick={() => setRenaming(!renaming)}>
                {t('actions.rename')}
              </Button>
              <Button size="compact-sm" variant="subtle" color="red" onClick={() => {
                if (window.confirm(t('outline.confirmDeleteModule', { name }))) void change({ method: 'DELETE', path: `/modules/${module.id}` });
              }}>
                {t('actions.delete')}
              </Button>
            </Group>
          ) : null}
        </Group>
        {renaming ? (
          <Stack gap="xs">
            <LocalisedFields label={t('fields.title')} languages={languages} value={titles} onChange={setTitles} maxLength={TEXT_LIMITS.title} />
            <Group>
              <Button size="xs" loading={pending} onClick={() => void change({ method: 'PATCH', path: `/modules/${module.id}`, body: { titles: compact(titles) } }).then((ok) => ok && setRenaming(false))}>
                {t('actions.save')}
              </Button>
            </Group>
          </Stack>
        ) : null}
        <Stack gap={4} component="ol" className="course-lessons">
          {module.lessons.map((lesson, lessonIndex) => {
            const lessonName = pick(lesson.titles, i18n.language);
            return (
              <li key={lesson.id}>
                <Group justify="space-between" wrap="wrap" gap="xs">
                  <Group gap={6}>
                    <Text dir="auto">{lessonName}</Text>
                    {lesson.hasQuiz ? <Badge size="sm" variant="light">{t('outline.quiz')}</Badge> : null}
                    {lesson.material ? <Badge size="sm" variant="light" color="grape">{t(`kinds.${lesson.material.kind}`)}</Badge> : null}
                    {lesson.requiresPractical ? <Badge size="sm" variant="light" color="orange">{t('outline.practical')}</Badge> : null}
                  </Group>
                  <Group gap={4}>
                    {!readOnly ? (
                      <ReorderButtons index={lessonIndex} count={module.lessons.length} name={lessonName} disabled={pending}
                        onMove={(to) => void change({ method: 'PUT', path: `/modules/${module.id}/lesson-order`, body: { ids: moved(lessonIds, lessonIndex, to) } })} />
                    ) : null}
                    <Button size="compact-sm" variant="light" aria-expanded={openLesson === lesson.id} onClick={() => setOpenLesson(openLesson === lesson.id ? null : lesson.id)}>
                      {readOnly ? t('actions.view') : t('actions.edit')}
                    </Button>
                  </Group>
                </Group>
                {openLesson === lesson.id ? <LessonEditor key={lesson.id} lesson={lesson} onClose={() => setOpenLesson(null)} /> : null}
              </li>
            );
          })}
        </Stack>
        {!readOnly ? (
          <Group align="end" component="form" onSubmit={(e: React.FormEvent) => {
            e.preventDefault();
            if (!newLesson.trim()) return;
            void change({ method: 'POST', path: `/modules/${module.id}/lessons`, body: { titles: { [first]: newLesson.trim() } } }).then((ok) => ok && setNewLesson(''));
          }}>
            <TextInput label={t('outline.newLesson')} value={newLesson} onChange={(e) => setNewLesson(e.currentTarget.value)} maxLength={TEXT_LIMITS.title} {...inLanguage(first)} data-testid="new-lesson-title" />
            <Button type="submit" variant="default" size="sm" loading={pending}>
              {t('outline.addLesson')}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </Card>
  );
}
