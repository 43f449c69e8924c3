import { SimpleGrid, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { inLanguage } from '../../../components/in-language';
import { LANGUAGE_NAMES, isLanguage } from '../../../lib/languages';

/**
 * A field being written in one language with the same text in the source language beside it
 * (one column each from tablet width up), so a translator reads the original while writing.
 * With no source text, or when both are the same language, the field stands alone.
 */
export function TextBesideSource({ source, sourceLanguage, writing, children }: { source: string; sourceLanguage: string; writing: string; children: ReactNode }) {
  const { t } = useTranslation('accreditation');
  if (!source || sourceLanguage === writing) return <>{children}</>;
  const name = isLanguage(sourceLanguage) ? LANGUAGE_NAMES[sourceLanguage] : sourceLanguage;
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
      <div data-testid="source-text">
        <Text size="xs" c="dimmed">
          {t('editor.sourceIn', { language: name })}
        </Text>
        <Text size="sm" {...inLanguage(sourceLanguage)} style={{ whiteSpace: 'pre-wrap' }}>
          {source}
        </Text>
      </div>
      {children}
    </SimpleGrid>
  );
}
