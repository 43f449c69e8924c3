import { useState } from 'react';
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { useDeleteMaterial } from '../api/delete-material';

/** Delete, after a confirmation that names what goes: every language version and every file. */
export function DeleteMaterialButton({ materialId, title }: { materialId: string; title: string }) {
  const { t } = useTranslation('materials');
  const navigate = useNavigate();
  const remove = useDeleteMaterial(materialId);
  const [opened, setOpened] = useState(false);
  const close = () => {
    remove.reset();
    setOpened(false);
  };

  return (
    <>
      <Button color="red" variant="light" onClick={() => setOpened(true)} data-testid="delete-material">
        {t('delete.button')}
      </Button>
      <Modal opened={opened} onClose={close} title={t('delete.title')}>
        <Stack>
          <Text size="sm">{t('delete.explain', { title })}</Text>
          <ErrorAlert error={remove.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close} data-autofocus>
              {t('delete.cancel')}
            </Button>
            <Button
              color="red"
              loading={remove.isPending}
              onClick={() => remove.mutate(undefined, { onSuccess: () => void navigate('/library', { replace: true }) })}
            >
              {t('delete.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
