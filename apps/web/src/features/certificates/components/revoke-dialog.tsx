import { useState } from 'react';
import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import type { Certificate } from '@tadamon/shared';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { useRevokeCertificate } from '../api/revoke-certificate';

/** Coordinators revoke with a reason; the reason goes to the audit log. */
export function RevokeDialog({ certificate, onClose }: { certificate: Certificate | null; onClose: () => void }) {
  const { t } = useTranslation('certificates');
  const revoke = useRevokeCertificate();
  const [reason, setReason] = useState('');
  const tooShort = reason.trim().length < 3;

  const close = () => {
    setReason('');
    revoke.reset();
    onClose();
  };

  return (
    <Modal opened={!!certificate} onClose={close} title={t('revoke.title')}>
      <Stack>
        <Text size="sm">{t('revoke.explain', { name: certificate?.holderName ?? '' })}</Text>
        <Textarea
          label={t('revoke.reason')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          minRows={3}
          maxLength={500}
          required
          data-autofocus
        />
        <ErrorAlert error={revoke.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('revoke.cancel')}
          </Button>
          <Button
            color="red"
            disabled={tooShort}
            loading={revoke.isPending}
            onClick={() => certificate && revoke.mutate({ id: certificate.id, reason: reason.trim() }, { onSuccess: close })}
          >
            {t('revoke.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
