import { Card, Switch, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { chosenDataSaver, isSlowConnection, setDataSaver, useDataSaver } from '../lib/data-saver';

/** The data saver switch (profile page). Says when it was turned on because the line is slow. */
export function DataSaverSetting() {
  const { t } = useTranslation('common');
  const on = useDataSaver();
  const automatic = on && chosenDataSaver() === null && isSlowConnection();
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="data-saver-title" data-testid="data-saver-setting">
      <Title order={2} size="h3" id="data-saver-title" mb="xs">
        {t('dataSaver.title')}
      </Title>
      <Switch
        checked={on}
        onChange={(event) => setDataSaver(event.currentTarget.checked)}
        label={t('dataSaver.switch')}
        description={t('dataSaver.description')}
        data-testid="data-saver-switch"
      />
      {automatic ? (
        <Text size="sm" c="dimmed" mt="xs" data-testid="data-saver-automatic">
          {t('dataSaver.automatic')}
        </Text>
      ) : null}
    </Card>
  );
}
