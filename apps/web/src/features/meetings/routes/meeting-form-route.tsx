import '../meetings.css';
import { useMemo } from 'react';
import { Anchor, Stack, Text, Title } from '@mantine/core';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { MeetingDetail } from '@tadamon/shared';
import { ErrorAlert } from '../../../components/error-alert';
import { PageSkeleton } from '../../../components/page-skeleton';
import { useSignedInSession } from '../../../lib/session';
import { useMeeting } from '../api/get-meeting';
import { useNetworkOrganisations } from '../../../api/get-network-organisations';
import { useNetworks } from '../../../api/get-networks';
import { MeetingForm, type HostChoice } from '../components/meeting-form';
import { valuesFromMeeting, type MeetingFormValues } from '../components/meeting-form-values';

/** Organisations the person may host for: those they lead, and for coordinators their network's. */
function useHostChoices(): { hosts: HostChoice[]; pending: boolean } {
  const session = useSignedInSession();
  const coordinated = session.networkRoles.find((r) => r.role === 'COORDINATOR')?.networkId ?? null;
  const network = useNetworkOrganisations(coordinated);
  return useMemo(() => {
    const led = session.memberships
      .filter((m) => m.role === 'ORG_LEADER')
      .map((m) => ({ id: m.organisationId, name: m.organisationName, networkId: m.networkId }));
    const fromNetwork = (network.data?.items ?? []).map((o) => ({ id: o.id, name: o.name, networkId: o.networkId }));
    const byId = new Map([...led, ...fromNetwork].map((h) => [h.id, h]));
    return { hosts: [...byId.values()], pending: !!coordinated && network.isPending };
  }, [session, network.data, network.isPending, coordinated]);
}

/** Tomorrow at 10:00, a sensible first guess for a new meeting. */
function tomorrowAt(hour: number): string {
  const d = new Date(Date.now() + 86_400_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(hour)}:00`;
}

export function NewMeetingRoute() {
  const { t } = useTranslation('meetings');
  const session = useSignedInSession();
  const navigate = useNavigate();
  const { hosts, pending } = useHostChoices();
  const networks = useNetworks();
  if (pending || networks.isPending) return <PageSkeleton lines={8} />;
  if (hosts.length === 0) return <Text>{t('form.noHost')}</Text>;
  const initial: MeetingFormValues = {
    hostOrganisationId: hosts[0]!.id,
    title: '',
    description: '',
    invitedOrganisationIds: [],
    wholeNetwork: false,
    format: 'IN_PERSON',
    address: null,
    onlineUrl: null,
    startLocal: tomorrowAt(10),
    endLocal: tomorrowAt(12),
    // The network's zone first: its meetings are held there, whatever zone the host travels in.
    timeZone: networks.data?.items.find((n) => n.id === hosts[0]!.networkId)?.timeZone ?? session.user.timeZone,
    recurrence: null,
    languages: [],
    interpretationNeeds: '',
    capacity: null,
    registrationDeadlineLocal: null,
    agenda: [],
    reminderMinutes: [1440, 60],
  };
  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/meetings" size="sm">
        {t('detail.back')}
      </Anchor>
      <Title order={1}>{t('form.newTitle')}</Title>
      <MeetingForm hosts={hosts} initial={initial} existing={null} onSaved={(m: MeetingDetail) => void navigate(`/meetings/${m.id}`)} />
    </Stack>
  );
}

export function EditMeetingRoute() {
  const { id = '' } = useParams();
  const { t } = useTranslation('meetings');
  const navigate = useNavigate();
  const meeting = useMeeting(id);
  if (meeting.isPending) return <PageSkeleton lines={8} />;
  if (meeting.error) return <ErrorAlert error={meeting.error} onRetry={() => void meeting.refetch()} />;
  const m = meeting.data;
  const hosts = [{ id: m.hostOrganisation.id, name: m.hostOrganisation.name, networkId: m.networkId }];
  return (
    <Stack gap="lg">
      <Anchor component={Link} to={`/meetings/${m.id}`} size="sm">
        {t('form.backToMeeting')}
      </Anchor>
      <Title order={1}>{t('form.editTitle')}</Title>
      <MeetingForm hosts={hosts} initial={valuesFromMeeting(m)} existing={m} onSaved={(saved) => void navigate(`/meetings/${saved.id}`)} />
    </Stack>
  );
}
