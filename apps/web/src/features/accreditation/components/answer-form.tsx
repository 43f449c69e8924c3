import { Button, Group, MultiSelect, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccreditationAssessment } from '@tadamon/shared';
import { useMaterials } from '../../../api/list-materials';

type Answer = AccreditationAssessment['answers'][number];

/** A leader's account of one criterion, with evidence picked from the organisation's library material. */
export function AnswerForm({
  answer,
  organisationId,
  networkId,
  saving,
  onSave,
}: {
  answer: Answer;
  organisationId: string;
  networkId: string;
  saving: boolean;
  onSave: (statement: string, evidenceMaterialIds: string[]) => void;
}) {
  const { t } = useTranslation('accreditation');
  const [statement, setStatement] = useState(answer.statement);
  const [evidence, setEvidence] = useState(answer.evidence.map((e) => e.materialId));
  const materials = useMaterials({ networkId });
  const own = (materials.data?.pages ?? []).flatMap((page) => page.items).filter((m) => m.organisationId === organisationId);
  const options = [
    ...own.map((m) => ({ value: m.id, label: m.title })),
    // Evidence already attached stays listed even when it is not on the first page.
    ...answer.evidence.filter((e) => !own.some((m) => m.id === e.materialId)).map((e) => ({ value: e.materialId, label: e.title ?? t('evidence.unavailable') })),
  ];
  const changed = statement !== answer.statement || evidence.join() !== answer.evidence.map((e) => e.materialId).join();

  return (
    <Stack gap="xs">
      <Textarea
        label={t('answer.statement')}
        description={t('answer.statementHelp')}
        value={statement}
        onChange={(event) => setStatement(event.currentTarget.value)}
        autosize
        minRows={3}
        maxLength={10000}
      />
      <MultiSelect
        label={t('answer.evidence')}
        description={t('answer.evidenceHelp')}
        data={options}
        value={evidence}
        onChange={setEvidence}
        searchable
        nothingFoundMessage={t('answer.noMaterial')}
        maxValues={20}
      />
      <Group>
        <Button size="sm" onClick={() => onSave(statement, evidence)} loading={saving} disabled={!changed}>
          {t('answer.save')}
        </Button>
      </Group>
    </Stack>
  );
}
