import { useState } from 'react';
import { Button, Group, NativeSelect, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language, type MaterialDetail } from '@tadamon/shared';
import { ErrorAlert } from '../../../components/error-alert';
import { useAddTranslation } from '../api/add-translation';

/** Adds a language version; its file is uploaded afterwards like any new version. */
export function AddTranslationForm({ material, onAdded }: { material: MaterialDetail; onAdded: (language: string) => void }) {
  const { t } = useTranslation('materials');
  const missing = LANGUAGES.filter((l) => !material.translations.some((v) => v.language === l));
  const [language, setLanguage] = useState<Language | ''>(missing[0] ?? '');
  const [title, setTitle] = useState('');
  const [url, setUrl] = useState('');
  const add = useAddTranslation(material.id);
  if (missing.length === 0) return null;

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (!language) return;
    const externalUrl = material.kind === 'LINK' ? url : undefined;
    add.mutate({ language, title, externalUrl }, { onSuccess: () => onAdded(language) });
  };

  return (
    <form onSubmit={submit}>
      <Group align="end" gap="xs">
        <NativeSelect label={t('translations.language')} value={language} onChange={(e) => setLanguage(e.currentTarget.value as Language)}>
          {missing.map((l) => (
            <option key={l} value={l}>
              {t(`languages.${l}`)}
            </option>
          ))}
        </NativeSelect>
        <TextInput label={t('form.title')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} required minLength={2} style={{ flexGrow: 1 }} />
        {material.kind === 'LINK' ? (
          <TextInput label={t('form.externalUrl')} type="url" value={url} onChange={(e) => setUrl(e.currentTarget.value)} required />
        ) : null}
        <Button type="submit" variant="light" loading={add.isPending}>
          {t('translations.add')}
        </Button>
      </Group>
      {add.error ? <ErrorAlert error={add.error} /> : null}
    </form>
  );
}
