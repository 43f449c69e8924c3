import { useState } from 'react';
import { Badge, Button, Group, NativeSelect, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AccountSummary } from '@tadamon/shared';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { ErrorAlert } from '../../../components/error-alert';
import { PageSkeleton } from '../../../components/page-skeleton';
import { useSignedInSession } from '../../../lib/session';
import { useDisableAccount } from '../api/disable-account';
import { useEnableAccount } from '../api/enable-account';
import { useAccounts, type AccountFilters } from '../api/get-accounts';

/** How a person signs in: e-mail, else phone, else username. */
function identifierOf(account: AccountSummary): string {
  return account.email ?? account.phone ?? account.username ?? '';
}

/**
 * Platform admins: find any account and disable it (sign-in refused, open sessions end) or
 * enable it again. Memberships and history are kept either way.
 */
export function AccountsRoute() {
  const { t } = useTranslation('admin');
  const session = useSignedInSession();
  const [search, setSearch] = useState('');
  const [filters, setFilters] = useState<AccountFilters>({});
  const accounts = useAccounts(filters);
  const disable = useDisableAccount();
  const enable = useEnableAccount();
  const [confirming, setConfirming] = useState<AccountSummary | null>(null);

  return (
    <Stack gap="lg">
      <Title order={1}>{t('accounts.title')}</Title>
      <form
        role="search"
        aria-label={t('accounts.search')}
        onSubmit={(event) => {
          event.preventDefault();
          setFilters((current) => ({ ...current, q: search.trim() || undefined }));
        }}
      >
        <Group align="flex-end" gap="sm">
          <TextInput
            label={t('accounts.search')}
            description={t('accounts.searchHint')}
            value={search}
            onChange={(event) => setSearch(event.currentTarget.value)}
            flex={1}
            miw={200}
          />
          <NativeSelect
            label={t('accounts.show')}
            value={filters.disabled ?? ''}
            onChange={(event) => {
              const value = event.currentTarget.value;
              setFilters((current) => ({ ...current, disabled: value === 'true' || value === 'false' ? value : undefined }));
            }}
            data={[
              { value: '', label: t('accounts.showAll') },
              { value: 'false', label: t('accounts.showActive') },
              { value: 'true', label: t('accounts.showDisabled') },
            ]}
          />
          <Button type="submit">{t('accounts.find')}</Button>
        </Group>
      </form>
      <ErrorAlert error={accounts.error ?? disable.error ?? enable.error} />
      {accounts.isPending ? <PageSkeleton /> : null}
      {accounts.data?.items.length === 0 ? <Text>{t('accounts.empty')}</Text> : null}
      {accounts.data && accounts.data.items.length > 0 ? (
        <Table.ScrollContainer minWidth={640}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('accounts.name')}</Table.Th>
                <Table.Th>{t('accounts.signsInWith')}</Table.Th>
                <Table.Th>{t('accounts.roles')}</Table.Th>
                <Table.Th>{t('accounts.status')}</Table.Th>
                <Table.Th>
                  <span className="visually-hidden">{t('accounts.actions')}</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {accounts.data.items.map((account) => (
                <Table.Tr key={account.id} data-testid="admin-account">
                  <Table.Td>{account.name}</Table.Td>
                  <Table.Td>
                    <span dir="ltr">{identifierOf(account)}</span>
                  </Table.Td>
                  <Table.Td>
                    <Stack gap={2}>
                      {account.isPlatformAdmin ? <Text size="sm">{t('common:roles.PLATFORM_ADMIN')}</Text> : null}
                      {account.coordinatorOf.map((network) => (
                        <Text size="sm" key={network}>
                          {t('accounts.coordinatorOf', { network })}
                        </Text>
                      ))}
                      {account.memberships.map((m) => (
                        <Text size="sm" key={m.organisationName}>
                          {t('accounts.memberOf', { role: t(`common:roles.${m.role}`), organisation: m.organisationName })}
                        </Text>
                      ))}
                    </Stack>
                  </Table.Td>
                  <Table.Td>
                    {account.disabled ? (
                      <Badge color="red" variant="light">
                        {t('accounts.disabled')}
                      </Badge>
                    ) : (
                      <Badge color="green" variant="light">
                        {t('accounts.active')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {account.id === session.user.id ? null : account.disabled ? (
                      <Button
                        size="xs"
                        variant="light"
                        loading={enable.isPending && enable.variables === account.id}
                        onClick={() => enable.mutate(account.id)}
                        aria-label={t('accounts.enableNamed', { name: account.name })}
                      >
                        {t('accounts.enable')}
                      </Button>
                    ) : (
                      <Button
                        size="xs"
                        variant="light"
                        color="red"
                        onClick={() => setConfirming(account)}
                        aria-label={t('accounts.disableNamed', { name: account.name })}
                      >
                        {t('accounts.disable')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      {accounts.data?.more ? <Text c="dimmed" size="sm">{t('accounts.more')}</Text> : null}
      <ConfirmDialog
        opened={confirming !== null}
        title={t('accounts.confirmTitle', { name: confirming?.name ?? '' })}
        message={t('accounts.confirmMessage')}
        confirmLabel={t('accounts.disable')}
        loading={disable.isPending}
        onClose={() => setConfirming(null)}
        onConfirm={() => {
          if (confirming) disable.mutate(confirming.id, { onSettled: () => setConfirming(null) });
        }}
      />
    </Stack>
  );
}
