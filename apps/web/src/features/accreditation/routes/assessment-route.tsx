import { Alert, Anchor, Button, Group, Paper, Stack, Text, Textarea, Timeline, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { isApiError } from '../../../lib/api-client';
import { useFormatters } from '../../../lib/intl';
import { localisedName } from '../../../lib/localised-name';
import { useAssessment, useChangeAssessment } from '../api/assessments';
import { AssessmentStatusBadge } from '../components/assessment-status-badge';
import { CriterionCard } from '../components/criterion-card';
import type { AccreditationAssessment } from '@tadamon/shared';

/** One self-assessment: the leader fills it in and submits, the coordinator reviews and decides. */
export function AssessmentRoute() {
  const { id = '' } = useParams();
  const { t } = useTranslation('accreditation');
  const assessment = useAssessment(id);
  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/accreditation" size="sm">
        {t('back')}
      </Anchor>
      <ErrorAlert error={assessment.error} onRetry={() => void assessment.refetch()} />
      {assessment.data ? <AssessmentView assessment={assessment.data} /> : null}
    </Stack>
  );
}

function AssessmentView({ assessment }: { assessment: AccreditationAssessment }) {
  const { t } = useTranslation('accreditation');
  const format = useFormatters();
  const change = useChangeAssessment(assessment);
  const [decisionComment, setDecisionComment] = useState('');
  const gaps = gapsOf(change.error);
  const conflict = isApiError(change.error) && change.error.code === 'CONFLICT';

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Title order={1}>{localisedName(assessment.frameworkTitles, format.language)}</Title>
          <AssessmentStatusBadge status={assessment.status} />
        </Group>
        <Text c="dimmed">{assessment.organisationName}</Text>
        {assessment.validUntil ? <Text>{t('validUntil', { date: format.date(assessment.validUntil) })}</Text> : null}
      </Stack>
      {conflict ? (
        <Alert color="orange" role="alert">
          {t('conflict')}
        </Alert>
      ) : (
        <ErrorAlert error={gaps.size > 0 ? null : change.error} />
      )}
      {gaps.size > 0 ? (
        <Alert color="orange" role="alert">
          {t('incomplete', { count: gaps.size })}
        </Alert>
      ) : null}
      {assessment.framework.sections.map((section) => (
        <Stack key={section.id} gap="sm" component="section">
          <Title order={2} size="h4">
            {localisedName(section.titles, format.language)}
          </Title>
          {section.criteria.map((criterion) => {
            const answer = assessment.answers.find((a) => a.criterionId === criterion.id);
            if (!answer) return null;
            return (
              <CriterionCard
                key={`${criterion.id}:${assessment.revision}`}
                criterion={criterion}
                answer={answer}
                assessment={assessment}
                networkId={assessment.framework.networkId}
                gap={gaps.get(criterion.id) ?? null}
                saving={change.isPending}
                onAnswer={(statement, evidenceMaterialIds) => change.mutate({ kind: 'answer', criterionId: criterion.id, statement, evidenceMaterialIds })}
                onReview={(rating, comment) => change.mutate({ kind: 'review', criterionId: criterion.id, rating, comment })}
              />
            );
          })}
        </Stack>
      ))}
      {assessment.canEdit ? (
        <Paper withBorder p="md">
          <Stack gap="xs">
            <Text>{t('submitHelp')}</Text>
            <Group>
              <Button onClick={() => change.mutate({ kind: 'submit' })} loading={change.isPending}>
                {t('submit')}
              </Button>
            </Group>
          </Stack>
        </Paper>
      ) : null}
      {assessment.canReview ? (
        <Paper withBorder p="md">
          <Stack gap="xs">
            <Title order={2} size="h4">
              {t('decision.title')}
            </Title>
            <Textarea label={t('decision.comment')} value={decisionComment} onChange={(e) => setDecisionComment(e.currentTarget.value)} autosize minRows={2} maxLength={4000} />
            <Group>
              <Button color="green" loading={change.isPending} onClick={() => change.mutate({ kind: 'decision', decision: 'APPROVE', comment: decisionComment })}>
                {t('decision.approve')}
              </Button>
              <Button color="orange" variant="light" loading={change.isPending} onClick={() => change.mutate({ kind: 'decision', decision: 'REQUEST_CHANGES', comment: decisionComment })}>
                {t('decision.requestChanges')}
              </Button>
            </Group>
          </Stack>
        </Paper>
      ) : null}
      {assessment.events.length > 0 ? (
        <Stack gap="sm" component="section">
          <Title order={2} size="h4">
            {t('history')}
          </Title>
          <Timeline bulletSize={14} lineWidth={2}>
            {assessment.events.map((event) => (
              <Timeline.Item key={event.id} title={t(`event.${event.action}`, { name: event.actorName ?? t('someone') })}>
                <Text size="xs" c="dimmed">
                  {format.dateTime(event.at)}
                </Text>
                {event.comment ? <Text size="sm">{event.comment}</Text> : null}
              </Timeline.Item>
            ))}
          </Timeline>
        </Stack>
      ) : null}
    </Stack>
  );
}

/** criterionId → what is missing, from an ACCREDITATION_INCOMPLETE answer. */
function gapsOf(error: unknown): Map<string, string> {
  if (!isApiError(error) || error.code !== 'ACCREDITATION_INCOMPLETE') return new Map();
  const criteria = (error.details as { criteria?: { criterionId: string; missing: string }[] } | undefined)?.criteria ?? [];
  return new Map(criteria.map((c) => [c.criterionId, c.missing]));
}
