import { NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isLanguage } from '../lib/languages';
import { useChangeLanguage } from '../lib/use-change-language';
import { LanguageOptions } from './language-options';

/**
 * A native <select>: light, and the phone's own picker is the easiest to use. In the header it
 * is named for screen readers only; elsewhere (`withLabel`) its label shows.
 */
export function LanguageSwitcher({ withLabel = false, className }: { withLabel?: boolean; className?: string }) {
  const { t, i18n } = useTranslation('common');
  const changeLanguage = useChangeLanguage();
  const current = isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'en';
  return (
    <NativeSelect
      label={withLabel ? t('language.label') : undefined}
      aria-label={withLabel ? undefined : t('language.label')}
      className={className}
      value={current}
      size="sm"
      onChange={(event) => {
        const next = event.currentTarget.value;
        if (isLanguage(next)) void changeLanguage(next);
      }}
      data-testid="language-switcher"
    >
      <LanguageOptions />
    </NativeSelect>
  );
}
