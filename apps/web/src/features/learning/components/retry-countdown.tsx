import { useEffect, useState } from 'react';
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** "You can try again in 12:34", counting down to the server's retryAt; calls onDone at zero. */
export function RetryCountdown({ until, onDone }: { until: string; onDone?: () => void }) {
  const { t } = useTranslation('learning');
  const target = new Date(until).getTime();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const left = Math.max(0, Math.ceil((target - now) / 1000));
  useEffect(() => {
    if (left === 0) onDone?.();
  }, [left, onDone]);
  const minutes = Math.floor(left / 60);
  const seconds = String(left % 60).padStart(2, '0');
  return (
    <Text size="sm" role="timer" aria-live="off" data-testid="retry-countdown">
      {t('quiz.retryIn', { time: `${minutes}:${seconds}` })}
    </Text>
  );
}
