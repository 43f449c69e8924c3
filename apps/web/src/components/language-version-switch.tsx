import { useState } from 'react';
import { Chip, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface Version {
  language: string;
}

/**
 * Which language version of an item to show: the one the reader picked, unless they have
 * changed the interface language since — then the version in the new interface language when
 * there is one, else the first the API offers (the reader's language or the network's fallback).
 */
export function useLanguageVersion<V extends Version>(versions: V[]): [V, (language: string) => void] {
  const { i18n } = useTranslation();
  const interfaceLanguage = i18n.resolvedLanguage ?? i18n.language;
  const [picked, setPicked] = useState<{ language: string; interfaceLanguage: string } | null>(null);
  const pickedNow = picked && picked.interfaceLanguage === interfaceLanguage ? picked.language : null;
  const version =
    versions.find((v) => v.language === pickedNow) ??
    versions.find((v) => v.language === interfaceLanguage) ??
    versions[0]!;
  return [version, (language) => setPicked({ language, interfaceLanguage })];
}

/**
 * The language versions of an item as a row of radio chips that wraps: nothing slides or is
 * positioned by offsets, so the chosen one stays on screen in Arabic on a 360 px phone (the
 * segmented control it replaces put its indicator off-screen right to left). Arrow keys move
 * between versions as in any radio group.
 */
export function LanguageVersionSwitch({
  languages,
  value,
  onChange,
  label,
  nameOf,
}: {
  languages: string[];
  value: string;
  onChange: (language: string) => void;
  label: string;
  nameOf: (language: string) => string;
}) {
  return (
    <Chip.Group multiple={false} value={value} onChange={onChange}>
      <Group gap="xs" wrap="wrap" role="radiogroup" aria-label={label} data-testid="language-versions">
        {languages.map((language) => (
          <Chip key={language} value={language} type="radio" data-testid={`language-version-${language}`}>
            {nameOf(language)}
          </Chip>
        ))}
      </Group>
    </Chip.Group>
  );
}
