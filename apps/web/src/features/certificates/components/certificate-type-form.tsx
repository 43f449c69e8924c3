import { useState } from 'react';
import { Alert, Button, Card, Fieldset, NumberInput, SimpleGrid, Stack, TextInput, Textarea, Title } from '@mantine/core';
import { LANGUAGES, type CertificateTypeCreate, type Language } from '@tadamon/shared';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { LANGUAGE_NAMES } from '../../../lib/languages';
import { useCreateCertificateType } from '../api/create-certificate-type';

type Texts = Partial<Record<Language, string>>;

/** Only filled-in languages are sent: readers see the fallback language for the others. */
function filled(texts: Texts): Texts {
  return Object.fromEntries(Object.entries(texts).filter(([, v]) => v && v.trim())) as Texts;
}

/** Coordinators define a certificate: names per language, validity, one signatory. */
export function CertificateTypeForm({ networkId }: { networkId: string }) {
  const { t } = useTranslation('certificates');
  const create = useCreateCertificateType(networkId);
  const [names, setNames] = useState<Texts>({});
  const [descriptions, setDescriptions] = useState<Texts>({});
  const [validity, setValidity] = useState<number | string>('');
  const [signatory, setSignatory] = useState({ name: '', title: '' });
  const [saved, setSaved] = useState(false);

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const body: CertificateTypeCreate = {
      names: filled(names),
      descriptions: filled(descriptions),
      validityMonths: typeof validity === 'number' ? validity : null,
      signatories: signatory.name.trim() ? [{ name: signatory.name.trim(), title: signatory.title.trim() }] : [],
    };
    create.mutate(body, {
      onSuccess: () => {
        setNames({});
        setDescriptions({});
        setValidity('');
        setSignatory({ name: '', title: '' });
        setSaved(true);
      },
    });
  };

  return (
    <Card withBorder padding="lg" component="form" onSubmit={submit} aria-labelledby="type-form-heading">
      <Stack>
        <Title order={2} size="h4" id="type-form-heading">
          {t('types.formTitle')}
        </Title>
        <Fieldset legend={t('types.names')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {LANGUAGES.map((language) => (
              <Stack key={language} gap={4}>
                <TextInput
                  label={LANGUAGE_NAMES[language]}
                  lang={language}
                  dir="auto"
                  value={names[language] ?? ''}
                  onChange={(e) => setNames({ ...names, [language]: e.currentTarget.value })}
                  maxLength={160}
                  data-testid={`type-name-${language}`}
                />
                <Textarea
                  aria-label={t('types.descriptionIn', { language: LANGUAGE_NAMES[language] })}
                  placeholder={t('types.description')}
                  lang={language}
                  dir="auto"
                  autosize
                  minRows={1}
                  value={descriptions[language] ?? ''}
                  onChange={(e) => setDescriptions({ ...descriptions, [language]: e.currentTarget.value })}
                  maxLength={2000}
                />
              </Stack>
            ))}
          </SimpleGrid>
        </Fieldset>
        <NumberInput
          label={t('types.validity')}
          description={t('types.validityHelp')}
          min={1}
          max={240}
          allowDecimal={false}
          value={validity}
          onChange={setValidity}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('types.signatoryName')} value={signatory.name} onChange={(e) => setSignatory({ ...signatory, name: e.currentTarget.value })} maxLength={120} />
          <TextInput label={t('types.signatoryTitle')} value={signatory.title} onChange={(e) => setSignatory({ ...signatory, title: e.currentTarget.value })} maxLength={120} />
        </SimpleGrid>
        <ErrorAlert error={create.error} />
        {saved ? (
          <Alert color="green" role="status">
            {t('types.saved')}
          </Alert>
        ) : null}
        <Button type="submit" loading={create.isPending} disabled={Object.keys(filled(names)).length === 0}>
          {t('types.submit')}
        </Button>
      </Stack>
    </Card>
  );
}
