import { useState } from 'react';
import { Alert, Button, Card, Fieldset, Group, NumberInput, SimpleGrid, Stack, TextInput, Textarea, Title } from '@mantine/core';
import { LANGUAGES, type CertificateType, type CertificateTypeCreate, type Language } from '@tadamon/shared';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { LANGUAGE_NAMES } from '../../../lib/languages';
import { useCreateCertificateType } from '../api/create-certificate-type';
import { useUpdateCertificateType } from '../api/update-certificate-type';
import { EarnedByFields } from './earned-by-fields';
import { EMPTY_RULE, ruleDraftOf, ruleProblem, rulePayload } from './rule-draft';
import { inLanguage } from '../../../components/in-language';

type Texts = Partial<Record<Language, string>>;

/** Only filled-in languages are sent: readers see the fallback language for the others. */
function filled(texts: Texts): Texts {
  return Object.fromEntries(Object.entries(texts).filter(([, v]) => v && v.trim())) as Texts;
}

interface Props {
  networkId: string;
  /** Given: the form edits this type (and calls `onDone` after saving or cancelling). */
  type?: CertificateType;
  onDone?: () => void;
}

/**
 * Coordinators define a certificate: names per language, validity, one signatory, and what
 * earns it (an assessor, courses or a learning path) and renews it (a refresher course).
 */
export function CertificateTypeForm({ networkId, type, onDone }: Props) {
  const { t } = useTranslation('certificates');
  const create = useCreateCertificateType(networkId);
  const update = useUpdateCertificateType(networkId, type?.id ?? '');
  const save = type ? update : create;
  const initial = ruleDraftOf(type);
  const [names, setNames] = useState<Texts>((type?.names as Texts) ?? {});
  const [descriptions, setDescriptions] = useState<Texts>((type?.descriptions as Texts) ?? {});
  const [validity, setValidity] = useState<number | string>(type?.validityMonths ?? '');
  const [signatory, setSignatory] = useState(type?.signatories[0] ?? { name: '', title: '' });
  const [rule, setRule] = useState(initial.draft);
  const [ruleTitles, setRuleTitles] = useState(initial.titles);
  const [showProblem, setShowProblem] = useState(false);
  const [saved, setSaved] = useState(false);
  const expires = typeof validity === 'number';
  const problem = ruleProblem(rule);

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    setSaved(false);
    setShowProblem(true);
    if (problem) return;
    const body: CertificateTypeCreate = {
      names: filled(names),
      descriptions: filled(descriptions),
      validityMonths: expires ? validity : null,
      // The form edits the first signatory; any others of an existing type are kept.
      signatories: [
        ...(signatory.name.trim() ? [{ name: signatory.name.trim(), title: signatory.title.trim() }] : []),
        ...(type?.signatories.slice(1) ?? []),
      ],
      ...rulePayload(rule, expires),
    };
    save.mutate(body, {
      onSuccess: () => {
        if (onDone) return onDone();
        setNames({});
        setDescriptions({});
        setValidity('');
        setSignatory({ name: '', title: '' });
        setRule(EMPTY_RULE);
        setShowProblem(false);
        setSaved(true);
      },
    });
  };

  const headingId = type ? `type-form-heading-${type.id}` : 'type-form-heading';
  return (
    <Card withBorder padding="lg" component="form" onSubmit={submit} aria-labelledby={headingId}>
      <Stack>
        <Title order={2} size="h4" id={headingId}>
          {type ? t('types.editTitle') : t('types.formTitle')}
        </Title>
        <Fieldset legend={t('types.names')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {LANGUAGES.map((language) => (
              <Stack key={language} gap={4}>
                <TextInput
                  label={LANGUAGE_NAMES[language]}
                  {...inLanguage(language)}
                  value={names[language] ?? ''}
                  onChange={(e) => setNames({ ...names, [language]: e.currentTarget.value })}
                  maxLength={160}
                  data-testid={`type-name-${language}`}
                />
                <Textarea
                  aria-label={t('types.descriptionIn', { language: LANGUAGE_NAMES[language] })}
                  placeholder={t('types.description')}
                  {...inLanguage(language)}
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
        <EarnedByFields
          networkId={networkId}
          value={rule}
          onChange={setRule}
          titles={ruleTitles}
          onTitles={setRuleTitles}
          expires={expires}
          problem={showProblem ? problem : null}
        />
        <ErrorAlert error={save.error} />
        {saved ? (
          <Alert color="green" role="status">
            {t('types.saved')}
          </Alert>
        ) : null}
        <Group>
          <Button type="submit" loading={save.isPending} disabled={Object.keys(filled(names)).length === 0}>
            {t('types.submit')}
          </Button>
          {onDone ? (
            <Button variant="subtle" onClick={onDone}>
              {t('types.cancel')}
            </Button>
          ) : null}
        </Group>
      </Stack>
    </Card>
  );
}
