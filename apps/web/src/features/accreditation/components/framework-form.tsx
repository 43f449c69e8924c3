import { ActionIcon, Button, Card, Checkbox, Group, NativeSelect, NumberInput, Select, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccreditationFramework, AccreditationFrameworkInput } from '@tadamon/shared';
import { useFormatters } from '../../../lib/intl';
import { useCertificateTypes } from '../../../api/get-certificate-types';
import { localisedName } from '../../../lib/localised-name';
import { LANGUAGES, LANGUAGE_NAMES, directionOf } from '../../../lib/languages';
import { TextBesideSource } from './text-beside-source';

type Texts = Record<string, string>;
interface CriterionDraft {
  titles: Texts;
  guidance: Texts;
  evidenceDescriptions: Texts;
  evidenceRequired: boolean;
  requiredCertificateTypeId: string | null;
}
interface SectionDraft {
  titles: Texts;
  criteria: CriterionDraft[];
}
export interface FrameworkDraft {
  titles: Texts;
  descriptions: Texts;
  validityMonths: number;
  sections: SectionDraft[];
}

const emptyCriterion = (): CriterionDraft => ({ titles: {}, guidance: {}, evidenceDescriptions: {}, evidenceRequired: false, requiredCertificateTypeId: null });
export const emptyFramework = (): FrameworkDraft => ({ titles: {}, descriptions: {}, validityMonths: 36, sections: [{ titles: {}, criteria: [emptyCriterion()] }] });

export function draftOf(framework: AccreditationFramework): FrameworkDraft {
  return {
    titles: framework.titles,
    descriptions: framework.descriptions,
    validityMonths: framework.validityMonths,
    sections: framework.sections.map((s) => ({
      titles: s.titles,
      criteria: s.criteria.map(({ id: _id, ...c }) => c),
    })),
  };
}

/** Empty texts are dropped, so a language left blank is simply absent. */
const clean = (texts: Texts) => Object.fromEntries(Object.entries(texts).filter(([, v]) => v.trim() !== ''));

export function toInput(draft: FrameworkDraft): AccreditationFrameworkInput {
  return {
    titles: clean(draft.titles),
    descriptions: clean(draft.descriptions),
    validityMonths: draft.validityMonths,
    sections: draft.sections.map((s) => ({
      titles: clean(s.titles),
      criteria: s.criteria.map((c) => ({ ...c, titles: clean(c.titles), guidance: clean(c.guidance), evidenceDescriptions: clean(c.evidenceDescriptions) })),
    })),
  };
}

/**
 * A framework draft. The language being written is chosen here, not by switching the
 * interface (nor the profile); each text shows the interface language's version beside it, so
 * a translation is written with its source in view. Other languages' texts are kept.
 */
export function FrameworkForm({
  networkId,
  initial,
  saving,
  onSave,
}: {
  networkId: string;
  initial: FrameworkDraft;
  saving: boolean;
  onSave: (draft: FrameworkDraft) => void;
}) {
  const { t } = useTranslation('accreditation');
  const { language } = useFormatters();
  const [draft, setDraft] = useState(initial);
  const types = useCertificateTypes(networkId);
  const typeOptions = (types.data?.items ?? []).map((type) => ({ value: type.id, label: localisedName(type.names, language) }));
  const [writing, setWriting] = useState(language);
  const text = (texts: Texts) => texts[writing] ?? '';
  const withText = (texts: Texts, value: string) => ({ ...texts, [writing]: value });
  const inWriting = { lang: writing, dir: directionOf(writing) };
  // A translation may be saved half done: a text is required only while no language has it.
  const needed = (texts: Texts) => !Object.entries(texts).some(([code, value]) => code !== writing && value.trim() !== '');
  const beside = (texts: Texts, field: ReactNode) => (
    <TextBesideSource source={texts[language] ?? ''} sourceLanguage={language} writing={writing}>
      {field}
    </TextBesideSource>
  );
  const setSection = (index: number, section: SectionDraft) => setDraft({ ...draft, sections: draft.sections.map((s, i) => (i === index ? section : s)) });
  const setCriterion = (s: number, c: number, criterion: CriterionDraft) =>
    setSection(s, { ...draft.sections[s]!, criteria: draft.sections[s]!.criteria.map((x, i) => (i === c ? criterion : x)) });

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        onSave(draft);
      }}
    >
      <Stack gap="md">
        <NativeSelect
          label={t('editor.writingIn')}
          description={t('editor.languageNote')}
          value={writing}
          onChange={(e) => setWriting(e.currentTarget.value)}
          data-testid="writing-language"
        >
          {LANGUAGES.map((code) => (
            <option key={code} value={code}>
              {LANGUAGE_NAMES[code]}
            </option>
          ))}
        </NativeSelect>
        {beside(draft.titles, <TextInput label={t('editor.title')} required={needed(draft.titles)} {...inWriting} value={text(draft.titles)} onChange={(e) => setDraft({ ...draft, titles: withText(draft.titles, e.currentTarget.value) })} maxLength={200} />)}
        {beside(draft.descriptions, <Textarea label={t('editor.description')} {...inWriting} value={text(draft.descriptions)} onChange={(e) => setDraft({ ...draft, descriptions: withText(draft.descriptions, e.currentTarget.value) })} autosize minRows={2} />)}
        <NumberInput label={t('editor.validityMonths')} min={1} max={120} value={draft.validityMonths} onChange={(v) => setDraft({ ...draft, validityMonths: Number(v) || 1 })} />
        {draft.sections.map((section, s) => (
          <Card key={s} withBorder padding="md" component="fieldset" aria-label={t('editor.sectionN', { n: s + 1 })}>
            <Stack gap="sm">
              <Group justify="space-between" wrap="nowrap">
                <Title order={2} size="h5">
                  {t('editor.sectionN', { n: s + 1 })}
                </Title>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={t('editor.removeSection', { n: s + 1 })}
                  disabled={draft.sections.length === 1}
                  onClick={() => setDraft({ ...draft, sections: draft.sections.filter((_, i) => i !== s) })}
                >
                  ×
                </ActionIcon>
              </Group>
              {beside(section.titles, <TextInput label={t('editor.sectionTitle')} required={needed(section.titles)} {...inWriting} value={text(section.titles)} onChange={(e) => setSection(s, { ...section, titles: withText(section.titles, e.currentTarget.value) })} />)}
              {section.criteria.map((criterion, c) => (
                <Card key={c} withBorder padding="sm" bg="var(--mantine-color-gray-0)">
                  <Stack gap="xs">
                    <Group justify="space-between" wrap="nowrap">
                      <Text fw={600} size="sm">
                        {t('editor.criterionN', { n: c + 1 })}
                      </Text>
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={t('editor.removeCriterion', { n: c + 1 })}
                        disabled={section.criteria.length === 1}
                        onClick={() => setSection(s, { ...section, criteria: section.criteria.filter((_, i) => i !== c) })}
                      >
                        ×
                      </ActionIcon>
                    </Group>
                    {beside(criterion.titles, <TextInput label={t('editor.criterionTitle')} required={needed(criterion.titles)} {...inWriting} value={text(criterion.titles)} onChange={(e) => setCriterion(s, c, { ...criterion, titles: withText(criterion.titles, e.currentTarget.value) })} />)}
                    {beside(criterion.guidance, <Textarea label={t('editor.guidance')} {...inWriting} value={text(criterion.guidance)} onChange={(e) => setCriterion(s, c, { ...criterion, guidance: withText(criterion.guidance, e.currentTarget.value) })} autosize minRows={2} />)}
                    {beside(criterion.evidenceDescriptions, <TextInput label={t('editor.evidence')} {...inWriting} value={text(criterion.evidenceDescriptions)} onChange={(e) => setCriterion(s, c, { ...criterion, evidenceDescriptions: withText(criterion.evidenceDescriptions, e.currentTarget.value) })} />)}
                    <Checkbox label={t('editor.evidenceRequired')} checked={criterion.evidenceRequired} onChange={(e) => setCriterion(s, c, { ...criterion, evidenceRequired: e.currentTarget.checked })} />
                    <Select
                      label={t('editor.certificate')}
                      description={t('editor.certificateHelp')}
                      data={typeOptions}
                      value={criterion.requiredCertificateTypeId}
                      onChange={(value) => setCriterion(s, c, { ...criterion, requiredCertificateTypeId: value })}
                      clearable
                    />
                  </Stack>
                </Card>
              ))}
              <Group>
                <Button variant="subtle" size="xs" onClick={() => setSection(s, { ...section, criteria: [...section.criteria, emptyCriterion()] })}>
                  {t('editor.addCriterion')}
                </Button>
              </Group>
            </Stack>
          </Card>
        ))}
        <Group>
          <Button variant="light" onClick={() => setDraft({ ...draft, sections: [...draft.sections, { titles: {}, criteria: [emptyCriterion()] }] })}>
            {t('editor.addSection')}
          </Button>
          <Button type="submit" loading={saving}>
            {t('editor.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
