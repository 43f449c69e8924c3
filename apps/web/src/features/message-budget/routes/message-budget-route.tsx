import { useState } from 'react';
import { Alert, Button, Card, Group, NumberInput, Progress, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MessageBudget } from '@tadamon/shared';
import { ErrorAlert } from '../../../components/error-alert';
import { PageSkeleton } from '../../../components/page-skeleton';
import { useFormatters } from '../../../lib/intl';
import { useMessageBudget } from '../api/get-message-budget';
import { useUpdateMessageBudget } from '../api/update-message-budget';
import { PerCoordinatedNetwork } from '../../../components/per-coordinated-network';

/** Coordinators: SMS and WhatsApp messages their network used this month, and its monthly limit. */
export function MessageBudgetRoute() {
  const { t } = useTranslation('messageBudget');
  return (
    <PerCoordinatedNetwork title={t('title')} intro={t('intro')} noNetwork={t('noNetwork')}>
      {(network) => <NetworkBudget key={network.networkId} networkId={network.networkId} networkName={network.networkName} />}
    </PerCoordinatedNetwork>
  );
}

function NetworkBudget({ networkId, networkName }: { networkId: string; networkName: string }) {
  const budget = useMessageBudget(networkId);
  return (
    <Card withBorder padding="lg" component="section" aria-label={networkName} data-testid="message-budget">
      <Title order={2} size="h3" mb="md">
        {networkName}
      </Title>
      {budget.isPending ? (
        <PageSkeleton />
      ) : budget.error ? (
        <ErrorAlert error={budget.error} onRetry={() => void budget.refetch()} />
      ) : (
        <BudgetForm budget={budget.data} />
      )}
    </Card>
  );
}

function BudgetForm({ budget }: { budget: MessageBudget }) {
  const { t } = useTranslation('messageBudget');
  const format = useFormatters();
  const update = useUpdateMessageBudget();
  const [limit, setLimit] = useState<number | string>(budget.monthlyLimit);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const percent = budget.monthlyLimit > 0 ? Math.min(100, Math.round((budget.used * 100) / budget.monthlyLimit)) : 100;
  const alertAt = percent >= budget.alertPercent;
  const values = { used: format.number(budget.used), limit: format.number(budget.monthlyLimit), percent: format.number(percent) };

  const save = (monthlyLimit: number | null) => {
    setError(null);
    setSaved(false);
    update.mutate(
      { networkId: budget.networkId, body: { monthlyLimit } },
      {
        onSuccess: (next) => {
          setLimit(next.monthlyLimit);
          setSaved(true);
        },
        onError: setError,
      },
    );
  };

  return (
    <Stack gap="md">
      <div>
        <Text fw={600} data-testid="message-budget-usage">
          {t('usage', values)}
        </Text>
        <Progress value={percent} color={alertAt ? 'red' : 'teal'} mt="xs" aria-label={t('usageLabel')} />
        <Text size="sm" c="dimmed" mt="xs">
          {t('month', { month: budget.month })}
        </Text>
      </div>
      {alertAt ? (
        <Alert color="orange" variant="light">
          {t('nearly', { percent: format.number(budget.alertPercent) })}
        </Alert>
      ) : null}
      <Text size="sm" data-testid="message-budget-source">
        {budget.custom ? t('custom', { default: format.number(budget.platformDefault) }) : t('platform', { default: format.number(budget.platformDefault) })}
      </Text>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          // Whole numbers only: anything else goes to the API, which names the field.
          save(typeof limit === 'number' ? limit : Number.NaN);
        }}
      >
        <Stack gap="sm" maw={360}>
          <ErrorAlert error={error} />
          {saved ? (
            <Alert color="green" variant="light" role="status">
              {t('saved')}
            </Alert>
          ) : null}
          <NumberInput
            label={t('limit')}
            description={t('limitHint')}
            min={0}
            max={1_000_000}
            allowDecimal={false}
            allowNegative={false}
            value={limit}
            onChange={(value) => {
              setSaved(false);
              setLimit(value);
            }}
          />
          <Group>
            <Button type="submit" loading={update.isPending}>
              {t('save')}
            </Button>
            {budget.custom ? (
              <Button variant="subtle" onClick={() => save(null)} disabled={update.isPending}>
                {t('useDefault')}
              </Button>
            ) : null}
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
