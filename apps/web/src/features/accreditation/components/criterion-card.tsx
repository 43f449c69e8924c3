import { Anchor, Badge, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { AccreditationAssessment, AccreditationRating } from '@tadamon/shared';
import { MarkdownHtml } from '../../../components/markdown-html';
import { localisedName } from '../../../lib/localised-name';
import { useFormatters } from '../../../lib/intl';
import { AnswerForm } from './answer-form';
import { ReviewForm } from './review-form';

type Criterion = AccreditationAssessment['framework']['sections'][number]['criteria'][number];
type Answer = AccreditationAssessment['answers'][number];

const RATING_COLOURS: Record<AccreditationRating, string> = { MET: 'green', PARTLY_MET: 'yellow', NOT_MET: 'red' };

interface Props {
  criterion: Criterion;
  answer: Answer;
  assessment: AccreditationAssessment;
  networkId: string;
  /** What the last submission attempt said is missing here. */
  gap: string | null;
  saving: boolean;
  onAnswer: (statement: string, evidenceMaterialIds: string[]) => void;
  onReview: (rating: AccreditationRating, comment: string) => void;
}

export function CriterionCard({ criterion, answer, assessment, networkId, gap, saving, onAnswer, onReview }: Props) {
  const { t } = useTranslation('accreditation');
  const { language } = useFormatters();
  const guidance = localisedName(criterion.guidance, language);
  const evidenceWanted = localisedName(criterion.evidenceDescriptions, language);
  const title = localisedName(criterion.titles, language);

  return (
    <Card withBorder padding="md" data-testid="criterion" aria-label={title}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Title order={3} size="h5">
            {title}
          </Title>
          {answer.rating ? (
            <Badge color={RATING_COLOURS[answer.rating]} variant="light" style={{ flexShrink: 0 }}>
              {t(`rating.${answer.rating}`)}
            </Badge>
          ) : null}
        </Group>
        {guidance ? <Text size="sm">{guidance}</Text> : null}
        {evidenceWanted ? (
          <Text size="sm" c="dimmed">
            {criterion.evidenceRequired ? t('criterion.evidenceRequired', { what: evidenceWanted }) : t('criterion.evidenceWelcome', { what: evidenceWanted })}
          </Text>
        ) : null}
        {gap ? (
          <Text size="sm" c="red" role="alert">
            {t(`gap.${gap}`)}
          </Text>
        ) : null}
        {answer.certificateHeld !== null ? (
          <Text size="sm" c={answer.certificateHeld ? 'green' : 'orange'}>
            {answer.certificateHeld ? t('criterion.certificateHeld') : t('criterion.certificateMissing')}
          </Text>
        ) : assessment.canEdit ? (
          <AnswerForm answer={answer} organisationId={assessment.organisationId} networkId={networkId} saving={saving} onSave={onAnswer} />
        ) : (
          <Stack gap={4}>
            {answer.statement ? <MarkdownHtml html={answer.statementHtml} /> : <Text c="dimmed">{t('answer.none')}</Text>}
            {answer.evidence.length > 0 ? (
              <List size="sm" aria-label={t('answer.evidence')}>
                {answer.evidence.map((e) => (
                  <List.Item key={e.materialId}>
                    {e.title ? (
                      <Anchor component={Link} to={`/library/${e.materialId}`}>
                        {e.title}
                      </Anchor>
                    ) : (
                      t('evidence.unavailable')
                    )}
                  </List.Item>
                ))}
              </List>
            ) : null}
          </Stack>
        )}
        {answer.reviewComment && !assessment.canReview ? (
          <Text size="sm" fs="italic">
            {t('review.commentShown', { comment: answer.reviewComment })}
          </Text>
        ) : null}
        {assessment.canReview ? <ReviewForm rating={answer.rating} comment={answer.reviewComment} saving={saving} onSave={onReview} /> : null}
      </Stack>
    </Card>
  );
}
