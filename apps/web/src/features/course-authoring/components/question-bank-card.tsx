import { useState } from 'react';
import { Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useEditor } from './editor-context';
import { pick } from './localised-fields';
import { QuestionForm } from './question-form';

/** The version's question bank: quizzes draw from it by pool. Editors see the answers. */
export function QuestionBankCard() {
  const { t, i18n } = useTranslation('courseAuthoring');
  const { tree, change, readOnly } = useEditor();
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="bank-heading">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h3" id="bank-heading">
            {t('questions.heading')}
          </Title>
          {!readOnly && editing !== 'new' ? (
            <Button variant="default" onClick={() => setEditing('new')} data-testid="add-question">
              {t('questions.add')}
            </Button>
          ) : null}
        </Group>
        {editing === 'new' ? <QuestionForm question={null} onDone={() => setEditing(null)} /> : null}
        {tree.questions.length === 0 ? <Text c="dimmed">{t('questions.empty')}</Text> : null}
        <Stack gap="xs" component="ol" className="question-list">
          {tree.questions.map((question) => (
            <li key={question.id}>
              <Group justify="space-between" wrap="wrap" gap="xs">
                <Group gap={6}>
                  <Text size="sm" dir="auto" lineClamp={2}>
                    {pick(question.prompts, i18n.language)}
                  </Text>
                  <Badge size="sm" variant="light">{t(`questionTypes.${question.type}`)}</Badge>
                  {question.pool ? <Badge size="sm" variant="outline">{question.pool}</Badge> : null}
                </Group>
                <Group gap={4}>
                  <Button size="compact-sm" variant="light" onClick={() => setEditing(editing === question.id ? null : question.id)} aria-expanded={editing === question.id}>
                    {readOnly ? t('actions.view') : t('actions.edit')}
                  </Button>
                  {!readOnly ? (
                    <Button size="compact-sm" variant="subtle" color="red" onClick={() => {
                      if (window.confirm(t('questions.confirmDelete'))) void change({ method: 'DELETE', path: `/questions/${question.id}` });
                    }}>
                      {t('actions.delete')}
                    </Button>
                  ) : null}
                </Group>
              </Group>
              {editing === question.id ? <QuestionForm key={question.id} question={question} onDone={() => setEditing(null)} /> : null}
            </li>
          ))}
        </Stack>
      </Stack>
    </Card>
  );
}
