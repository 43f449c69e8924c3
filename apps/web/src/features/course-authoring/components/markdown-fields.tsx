import { useState } from 'react';
import { Button, Group, Paper, Stack, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { TEXT_LIMITS } from '@tadamon/shared';
import { LANGUAGE_NAMES, directionOf, isLanguage } from '../../../lib/languages';
import { usePreviewMarkdown } from '../api/preview-markdown';
import { MarkdownHtml } from '../../../components/markdown-html';

/**
 * The lesson body in Markdown, one per language, each with a preview rendered by the server
 * (the same sanitiser learners' pages use), so what the editor sees is what learners get.
 */
export function MarkdownFields({ languages, value, onChange, disabled }: { languages: string[]; value: Record<string, string>; onChange: (v: Record<string, string>) => void; disabled?: boolean }) {
  const { t } = useTranslation('courseAuthoring');
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t('lesson.markdownHint')}
      </Text>
      {languages.map((language) => (
        <MarkdownField key={language} language={language} value={value[language] ?? ''} disabled={disabled}
          label={t('fields.inLanguage', { field: t('fields.body'), language: isLanguage(language) ? LANGUAGE_NAMES[language] : language })}
          onChange={(text) => onChange({ ...value, [language]: text })} />
      ))}
    </Stack>
  );
}

function MarkdownField({ language, label, value, onChange, disabled }: { language: string; label: string; value: string; onChange: (v: string) => void; disabled?: boolean }) {
  const { t } = useTranslation('courseAuthoring');
  const preview = usePreviewMarkdown();
  const [shown, setShown] = useState(false);
  return (
    <Stack gap={4}>
      <Textarea label={label} value={value} onChange={(e) => onChange(e.currentTarget.value)} lang={language} dir={directionOf(language)}
        autosize minRows={4} maxRows={20} maxLength={TEXT_LIMITS.body} disabled={disabled} data-testid={`lesson-body-${language}`} />
      <Group>
        <Button size="compact-sm" variant="subtle" loading={preview.isPending} onClick={() => {
          setShown(true);
          preview.mutate(value);
        }}>
          {t('lesson.preview')}
        </Button>
      </Group>
      {shown && preview.data ? (
        <Paper withBorder p="sm" aria-label={t('lesson.previewOf', { field: label })} lang={language} dir={directionOf(language)} className="lesson-preview">
          {/* Sanitised on the server (markdown-it without raw HTML, then an allow-list). */}
          <MarkdownHtml html={preview.data.html} />
        </Paper>
      ) : null}
    </Stack>
  );
}
