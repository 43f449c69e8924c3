import { ActionIcon, Button, Card, Checkbox, Group, NumberInput, Select, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccreditationFramework, AccreditationFrameworkInput } from '@tadamon/shared';
import { useFormatters } from '../../../lib/intl';
import { useCertificateTypes } from '../../../api/get-certificate-types';
import { localisedName } from '../../../lib/localised-name';

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
 * A framework draft, edited in the interface language; texts in other languages are kept as
 * they are (switch the interface language to write another version).
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
  const text = (texts: Texts) => texts[language] ?? '';
  const withText = (texts: Texts, value: string) => ({ ...texts, [language]: value });
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
        <Text size="sm" c="dimmed">
          {t('editor.languageNote', { language: language.toUpperCase() })}
        </Text>
        <TextInput label={t('editor.title')} required value={text(draft.titles)} onChange={(e) => setDraft({ ...draft, titles: withText(draft.titles, e.currentTarget.value) })} maxLength={200} />
        <Textarea label={t('editor.description')} value={text(draft.descriptions)} onChange={(e) => setDraft({ ...draft, descriptions: withText(draft.descriptions, e.currentTarget.value) })} autosize minRows={2} />
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
              <TextInput label={t('editor.sectionTitle')} required value={text(section.titles)} onChange={(e) => setSection(s, { ...section, titles: withText(section.titles, e.currentTarget.value) })} />
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
                    <TextInput label={t('editor.criterionTitle')} required value={text(criterion.titles)} onChange={(e) => setCriterion(s, c, { ...criterion, titles: withText(criterion.titles, e.currentTarget.value) })} />
                    <Textarea label={t('editor.guidance')} value={text(criterion.guidance)} onChange={(e) => setCriterion(s, c, { ...criterion, guidance: withText(criterion.guidance, e.currentTarget.value) })} autosize minRows={2} />
                    <TextInput label={t('editor.evidence')} value={text(criterion.evidenceDescriptions)} onChange={(e) => setCriterion(s, c, { ...criterion, evidenceDescriptions: withText(criterion.evidenceDescriptions, e.currentTarget.value) })} />
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
