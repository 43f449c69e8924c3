import { useState } from 'react';
import { Badge, Button, NativeSelect, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ORGANISATION_ROLES } from '@tadamon/shared';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { ErrorAlert } from '../../../components/error-alert';
import { useFormatters } from '../../../lib/intl';
import type { Member, OrganisationRole } from '../../../lib/types';
import { useChangeMemberRole } from '../api/change-member-role';
import { useRemoveMember } from '../api/remove-member';

interface Props {
  organisationId: string;
  members: Member[];
  canChangeRole: boolean;
  canRemove: boolean;
  currentUserId: string;
}

export function MembersTable({ organisationId, members, canChangeRole, canRemove, currentUserId }: Props) {
  const { t } = useTranslation(['organisation', 'common']);
  const format = useFormatters();
  const changeRole = useChangeMemberRole(organisationId);
  const remove = useRemoveMember(organisationId);
  const [removing, setRemoving] = useState<Member | null>(null);

  return (
    <>
      <ErrorAlert error={changeRole.error ?? remove.error} />
        <Table striped highlightOnHover verticalSpacing="sm" className="stacked-table" data-testid="members-table">
          {/* Named for screen readers; the count is also in the heading above. */}
          <caption className="visually-hidden">{t('organisation:members.caption', { count: members.length })}</caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('organisation:members.name')}</Table.Th>
              <Table.Th scope="col">{t('organisation:members.email')}</Table.Th>
              <Table.Th scope="col">{t('organisation:members.role')}</Table.Th>
              <Table.Th scope="col">{t('organisation:members.joined')}</Table.Th>
              {canRemove ? (
                <Table.Th scope="col">
                  <span className="visually-hidden">{t('organisation:members.actions')}</span>
                </Table.Th>
              ) : null}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {members.map((member) => (
              <Table.Tr key={member.membershipId}>
                <Table.Td data-label={t('organisation:members.name')}>
                  <Text fw={500}>{member.name}</Text>
                  {member.disabled ? (
                    <Badge color="gray" size="sm">
                      {t('organisation:members.disabled')}
                    </Badge>
                  ) : null}
                </Table.Td>
                <Table.Td data-label={t('organisation:members.email')}>
                  <span dir="ltr">{member.email}</span>
                </Table.Td>
                <Table.Td data-label={t('organisation:members.role')}>
                  {canChangeRole && member.userId !== currentUserId ? (
                    <NativeSelect
                      size="xs"
                      aria-label={t('organisation:members.roleOf', { name: member.name })}
                      value={member.role}
                      disabled={changeRole.isPending}
                      onChange={(event) =>
                        changeRole.mutate({
                          membershipId: member.membershipId,
                          role: event.currentTarget.value as OrganisationRole,
                        })
                      }
                      data={ORGANISATION_ROLES.map((role) => ({ value: role, label: t(`common:roles.${role}`) }))}
                    />
                  ) : (
                    t(`common:roles.${member.role}`)
                  )}
                </Table.Td>
                <Table.Td data-label={t('organisation:members.joined')}>{format.date(member.joinedAt)}</Table.Td>
                {canRemove ? (
                  <Table.Td>
                    {member.userId !== currentUserId ? (
                      <Button
                        size="xs"
                        variant="subtle"
                        color="red"
                        onClick={() => setRemoving(member)}
                        aria-label={t('organisation:members.removeWho', { name: member.name })}
                      >
                        {t('organisation:members.remove')}
                      </Button>
                    ) : null}
                  </Table.Td>
                ) : null}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      <ConfirmDialog
        opened={removing !== null}
        title={t('organisation:members.removeTitle')}
        message={t('organisation:members.removeConfirm', { name: removing?.name ?? '' })}
        confirmLabel={t('organisation:members.remove')}
        loading={remove.isPending}
        onClose={() => setRemoving(null)}
        onConfirm={() => removing && remove.mutate(removing.membershipId, { onSettled: () => setRemoving(null) })}
      />
    </>
  );
}
