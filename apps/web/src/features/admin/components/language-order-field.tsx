import { ActionIcon, Button, Group, NativeSelect, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, LANGUAGE_NAMES, type Language } from '../../../lib/languages';

interface LanguageOrderFieldProps {
  value: Language[];
  onChange: (value: Language[]) => void;
  error?: string;
}

/**
 * A network's languages in fallback order: content missing in a reader's language is shown in
 * the first of these that has it. Up/down buttons rather than drag and drop, so the order can be
 * changed from a keyboard and announced by a screen reader.
 */
export function LanguageOrderField({ value, onChange, error }: LanguageOrderFieldProps) {
  const { t } = useTranslation('admin');
  const remaining = LANGUAGES.filter((language) => !value.includes(language));
  const [adding, setAdding] = useState<string>('');

  const move = (index: number, by: -1 | 1) => {
    const next = [...value];
    const [item] = next.splice(index, 1);
    next.splice(index + by, 0, item!);
    onChange(next);
  };

  return (
    <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
      <Text component="legend" fw={500} size="sm">
        {t('networks.languages')}
      </Text>
      <Text size="xs" c="dimmed" mb="xs">
        {t('networks.languagesHint')}
      </Text>
      <Stack gap={4} component="ol" m={0} ps="lg" data-testid="network-languages">
        {value.map((language, index) => (
          <li key={language}>
            <Group gap="xs" wrap="nowrap">
              <Text lang={language} flex={1}>
                {LANGUAGE_NAMES[language]}
              </Text>
              <ActionIcon
                variant="subtle"
                disabled={index === 0}
                onClick={() => move(index, -1)}
                aria-label={t('networks.moveUp', { language: LANGUAGE_NAMES[language] })}
              >
                ↑
              </ActionIcon>
              <ActionIcon
                variant="subtle"
                disabled={index === value.length - 1}
                onClick={() => move(index, 1)}
                aria-label={t('networks.moveDown', { language: LANGUAGE_NAMES[language] })}
              >
                ↓
              </ActionIcon>
              <ActionIcon
                variant="subtle"
                color="red"
                disabled={value.length === 1}
                onClick={() => onChange(value.filter((l) => l !== language))}
                aria-label={t('networks.removeLanguage', { language: LANGUAGE_NAMES[language] })}
              >
                ×
              </ActionIcon>
            </Group>
          </li>
        ))}
      </Stack>
      {remaining.length > 0 ? (
        <Group gap="xs" mt="xs" align="flex-end">
          <NativeSelect
            label={t('networks.addLanguage')}
            value={adding}
            onChange={(event) => setAdding(event.currentTarget.value)}
          >
            <option value="">{t('networks.chooseLanguage')}</option>
            {remaining.map((language) => (
              <option key={language} value={language} lang={language}>
                {LANGUAGE_NAMES[language]}
              </option>
            ))}
          </NativeSelect>
          <Button
            variant="light"
            disabled={!adding}
            onClick={() => {
              onChange([...value, adding as Language]);
              setAdding('');
            }}
          >
            {t('networks.add')}
          </Button>
        </Group>
      ) : null}
      {error ? (
        <Text c="red" size="sm" role="alert" mt={4}>
          {error}
        </Text>
      ) : null}
    </fieldset>
  );
}
