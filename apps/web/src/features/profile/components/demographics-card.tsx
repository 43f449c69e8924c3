import { useState, type FormEvent } from 'react';
import { Alert, Button, Card, Checkbox, Group, List, Radio, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  DEMOGRAPHIC_AGE_BANDS,
  DEMOGRAPHIC_GENDERS,
  REPORT_MIN_GROUP_SIZE,
  type DemographicAgeBand,
  type DemographicGender,
  type MyDemographics,
} from '@tadamon/shared';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { ErrorAlert } from '../../../components/error-alert';
import { isApiError } from '../../../lib/api-client';
import { useFormatters } from '../../../lib/intl';
import { useDemographics } from '../api/get-demographics';
import { useSaveDemographics } from '../api/save-demographics';
import { useWithdrawDemographics } from '../api/withdraw-demographics';

/**
 * "About you (optional)": self-declared gender and age band, explained first, saved only with
 * the consent box ticked, withdrawn (and deleted) with one button.
 */
export function DemographicsCard() {
  const { t } = useTranslation('profile');
  const current = useDemographics();
  // Here rather than in the form: a save or a withdrawal gives the form a new key (a fresh start).
  const [notice, setNotice] = useState<'saved' | 'withdrawn' | null>(null);
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="profile-demographics" data-testid="demographics-card">
      <Title order={2} size="h3" mb="xs" id="profile-demographics">
        {t('demographics.title')}
      </Title>
      <Text mb="xs">{t('demographics.why')}</Text>
      <List size="sm" mb="md" spacing={4}>
        <List.Item>{t('demographics.whoSees', { count: REPORT_MIN_GROUP_SIZE })}</List.Item>
        <List.Item>{t('demographics.nobodyElse')}</List.Item>
        <List.Item>{t('demographics.withdrawAnyTime')}</List.Item>
      </List>
      {notice ? (
        <Alert color="green" variant="light" role="status" mb="md">
          {t(`demographics.${notice}`)}
        </Alert>
      ) : null}
      {current.isPending ? (
        <Skeleton height={120} />
      ) : current.error ? (
        <ErrorAlert error={current.error} onRetry={() => void current.refetch()} />
      ) : (
        // Keyed by the stored answer so that a withdrawal starts the form afresh.
        <DemographicsForm
          key={current.data.demographics?.consentedAt ?? 'none'}
          mine={current.data}
          onNotice={setNotice}
          onOutdated={() => void current.refetch()}
        />
      )}
    </Card>
  );
}

interface DemographicsFormProps {
  mine: MyDemographics;
  onNotice: (notice: 'saved' | 'withdrawn' | null) => void;
  onOutdated: () => void;
}

function DemographicsForm({ mine, onNotice, onOutdated }: DemographicsFormProps) {
  const { t } = useTranslation('profile');
  const format = useFormatters();
  const save = useSaveDemographics();
  const withdraw = useWithdrawDemographics();
  const stored = mine.demographics;
  const [gender, setGender] = useState<DemographicGender | ''>(stored?.gender ?? '');
  const [ageBand, setAgeBand] = useState<DemographicAgeBand | ''>(stored?.ageBand ?? '');
  const [consent, setConsent] = useState(false);
  const [missing, setMissing] = useState(false);
  const [confirming, setConfirming] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onNotice(null);
    if (!gender || !ageBand) {
      setMissing(true);
      return;
    }
    setMissing(false);
    save.mutate(
      { gender, ageBand, consent, consentVersion: mine.currentConsentVersion },
      {
        onSuccess: () => onNotice('saved'),
        // The explanation changed under the page: fetch the new version, to be read and confirmed.
        onError: (error) => {
          if (isApiError(error) && error.code === 'DEMOGRAPHICS_CONSENT_OUTDATED') {
            setConsent(false);
            onOutdated();
          }
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby="profile-demographics">
      <Stack gap="md">
        {stored ? (
          <Text size="sm" data-testid="demographics-consented">
            {t('demographics.consentedOn', { date: format.dateTime(stored.consentedAt) })}
          </Text>
        ) : null}
        <ErrorAlert error={save.error ?? withdraw.error} />
        <Radio.Group
          label={t('demographics.gender')}
          value={gender}
          onChange={(value) => setGender(value as DemographicGender)}
          error={missing && !gender ? t('validation:required') : undefined}
        >
          <Stack gap={6} mt="xs">
            {DEMOGRAPHIC_GENDERS.map((option) => (
              <Radio key={option} value={option} label={t(`demographics.genders.${option}`)} />
            ))}
          </Stack>
        </Radio.Group>
        <Radio.Group
          label={t('demographics.ageBand')}
          value={ageBand}
          onChange={(value) => setAgeBand(value as DemographicAgeBand)}
          error={missing && !ageBand ? t('validation:required') : undefined}
        >
          <Stack gap={6} mt="xs">
            {DEMOGRAPHIC_AGE_BANDS.map((option) => (
              <Radio key={option} value={option} label={t(`demographics.ageBands.${option}`)} />
            ))}
          </Stack>
        </Radio.Group>
        <Checkbox
          label={t('demographics.consent')}
          checked={consent}
          onChange={(event) => setConsent(event.currentTarget.checked)}
          data-testid="demographics-consent"
        />
        <Group>
          <Button type="submit" loading={save.isPending}>
            {stored ? t('demographics.update') : t('demographics.save')}
          </Button>
          {stored ? (
            <Button variant="outline" color="red" onClick={() => setConfirming(true)}>
              {t('demographics.withdraw')}
            </Button>
          ) : null}
        </Group>
      </Stack>
      <ConfirmDialog
        opened={confirming}
        title={t('demographics.withdraw')}
        message={t('demographics.withdrawConfirm')}
        confirmLabel={t('demographics.withdraw')}
        loading={withdraw.isPending}
        onClose={() => setConfirming(false)}
        onConfirm={() =>
          withdraw.mutate(undefined, {
            onSuccess: () => onNotice('withdrawn'),
            onSettled: () => setConfirming(false),
          })
        }
      />
    </form>
  );
}
