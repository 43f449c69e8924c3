import { useState } from 'react';
import { Badge, Button, NativeSelect, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ORGANISATION_ROLES } from '@tadamon/shared';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { ErrorAlert } from '../../../components/error-alert';
import { useFormatters } from '../../../lib/intl';
import type { SetupCode } from '@tadamon/shared';
import type { Member, OrganisationRole } from '../../../lib/types';
import { useChangeMemberRole } from '../api/change-member-role';
import { useIssueSetupCode } from '../api/issue-setup-code';
import { useRemoveMember } from '../api/remove-member';

interface Props {
  organisationId: string;
  members: Member[];
  canChangeRole: boolean;
  canRemove: boolean;
  currentUserId: string;
  /** Leaders hand volunteers without e-mail a new setup code (a forgotten PIN, a lost slip). */
  canIssueSetupCode?: boolean;
  onSetupCode?: (code: SetupCode) => void;
}

export function MembersTable({
  organisationId,
  members,
  canChangeRole,
  canRemove,
  currentUserId,
  canIssueSetupCode = false,
  onSetupCode,
}: Props) {
  const { t } = useTranslation(['organisation', 'common']);
  const format = useFormatters();
  const changeRole = useChangeMemberRole(organisationId);
  const remove = useRemoveMember(organisationId);
  const [removing, setRemoving] = useState<Member | null>(null);
  const issueCode = useIssueSetupCode(organisationId);
  const [reissuing, setReissuing] = useState<Member | null>(null);
  const withCodes = canIssueSetupCode && members.some((m) => m.email === null && m.role === 'VOLUNTEER');
  const showActions = canRemove || withCodes;

  return (
    <>
      <ErrorAlert error={changeRole.error ?? remove.error ?? issueCode.error} />
        <Table striped highlightOnHover verticalSpacing="sm" className="stacked-table" data-testid="members-table">
          {/* Named for screen readers; the count is also in the heading above. */}
          <caption className="visually-hidden">{t('organisation:members.caption', { count: members.length })}</caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('organisation:members.name')}</Table.Th>
              <Table.Th scope="col">{t('organisation:members.contact')}</Table.Th>
              <Table.Th scope="col">{t('organisation:members.role')}</Table.Th>
              <Table.Th scope="col">{t('organisation:members.joined')}</Table.Th>
              {showActions ? (
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
                <Table.Td data-label={t('organisation:members.contact')}>
                  {/* People signed up without e-mail show their phone number or username. */}
                  <span dir="ltr">{member.email ?? member.phone ?? member.username}</span>
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
                {showActions ? (
                  <Table.Td>
                    {canIssueSetupCode && member.email === null && member.role === 'VOLUNTEER' && !member.disabled ? (
                      <Button
                        size="xs"
                        variant="subtle"
                        onClick={() => setReissuing(member)}
                        aria-label={t('organisation:members.newCodeFor', { name: member.name })}
                      >
                        {t('organisation:members.newCode')}
                      </Button>
                    ) : null}
                    {canRemove && member.userId !== currentUserId ? (
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
      <ConfirmDialog
        opened={reissuing !== null}
        title={t('organisation:members.newCodeTitle')}
        message={t('organisation:members.newCodeConfirm', { name: reissuing?.name ?? '' })}
        confirmLabel={t('organisation:members.newCode')}
        loading={issueCode.isPending}
        onClose={() => setReissuing(null)}
        onConfirm={() =>
          reissuing &&
          issueCode.mutate(reissuing.membershipId, {
            onSuccess: (code) => onSetupCode?.(code),
            onSettled: () => setReissuing(null),
          })
        }
      />
    </>
  );
}
