import { SimpleGrid, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LANGUAGE_NAMES, directionOf, isLanguage } from '../../../lib/languages';

/**
 * One input per language of the course for a localised text ({"fr": "…", "ar": "…"}), side by
 * side from tablet width up so a translation is written with its source in view (and without
 * touching the interface language). Each input is tagged with its language and direction, so
 * Arabic is typed right-to-left even on an English screen.
 */
export function LocalisedFields({
  label,
  languages,
  value,
  onChange,
  multiline = false,
  maxLength,
  disabled,
  required,
  testId,
}: {
  label: string;
  languages: string[];
  value: Record<string, string>;
  onChange: (next: Record<string, string>) => void;
  multiline?: boolean;
  maxLength: number;
  disabled?: boolean;
  required?: boolean;
  testId?: string;
}) {
  const { t } = useTranslation('courseAuthoring');
  return (
    <SimpleGrid cols={{ base: 1, sm: Math.min(languages.length, 2) }} spacing="sm" verticalSpacing={4} data-testid={testId ? `${testId}-languages` : undefined}>
      {languages.map((language) => {
        const props = {
          label: t('fields.inLanguage', { field: label, language: isLanguage(language) ? LANGUAGE_NAMES[language] : language }),
          value: value[language] ?? '',
          onChange: (event: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
            onChange({ ...value, [language]: event.currentTarget.value }),
          lang: language,
          dir: directionOf(language),
          maxLength,
          disabled,
          required,
          'data-testid': testId ? `${testId}-${language}` : undefined,
        };
        return multiline ? (
          <Textarea key={language} {...props} autosize minRows={3} maxRows={16} />
        ) : (
          <TextInput key={language} {...props} />
        );
      })}
    </SimpleGrid>
  );
}

/** Drops empty languages, so "no text" is absent rather than an empty string. */
export function compact(texts: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(texts).filter(([, text]) => text.trim() !== ''));
}

/** The text in `language`, else any language it exists in. */
export function pick(texts: Record<string, string>, language: string): string {
  return texts[language] || Object.values(texts).find(Boolean) || '';
}
