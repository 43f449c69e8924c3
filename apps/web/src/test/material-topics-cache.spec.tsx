import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { TopicSelect } from '../features/course-authoring/components/topic-select';
import { TopicsRoute } from '../features/materials/routes/topics-route';
import { json, mockFetch, renderWithProviders, volunteerSession } from './render';

// Crosses two features on purpose: a topic saved on the topics screen must show at once in the
// course editor's topic list, which once kept its own copy that no topic change refreshed.
const networkId = '5b0f4a8e-4a57-4c1f-9c3e-2f1f8a0b6c11';
const topicId = '7c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f';
const coordinator = { ...volunteerSession, primaryRole: 'COORDINATOR' as const };

function topicServer() {
  let topic: { id: string; networkId: string; name: string; archivedAt: string | null } | null = null;
  return mockFetch({
    'GET /api/networks': () => json(200, { items: [{ id: networkId, slug: 'n', name: 'INSP!R', description: '', organisationCount: 3 }] }),
    'GET /api/material-topics': ({ url }) => {
      const all = url.includes('includeArchived=1');
      return json(200, { items: topic && (all || !topic.archivedAt) ? [topic] : [] });
    },
    [`POST /api/networks/${networkId}/material-topics`]: ({ body }) => {
      topic = { id: topicId, networkId, name: (body as { name: string }).name, archivedAt: null };
      return json(201, topic);
    },
    [`PATCH /api/networks/${networkId}/material-topics/${topicId}`]: ({ body }) => {
      const change = body as { name?: string; archived?: boolean };
      topic = {
        ...topic!,
        name: change.name ?? topic!.name,
        archivedAt: change.archived === undefined ? topic!.archivedAt : change.archived ? new Date().toISOString() : null,
      };
      return json(200, topic);
    },
  });
}

describe('custom topics', () => {
  it('reach the course editor’s topic list as soon as they are added, renamed or archived', async () => {
    topicServer();
    renderWithProviders(
      <>
        <TopicsRoute />
        <TopicSelect networkId={networkId} value="LEADERSHIP" onChange={() => {}} />
      </>,
      { session: coordinator },
    );
    const courseTopic = await screen.findByRole('combobox', { name: 'Topic' });
    await screen.findByText('Your network has no custom topics yet.');
    expect(within(courseTopic).queryByRole('option', { name: 'Water access' })).toBeNull();

    await userEvent.type(screen.getByRole('textbox', { name: 'New topic' }), 'Water access');
    await userEvent.click(screen.getByRole('button', { name: 'Add' }));
    expect(await within(courseTopic).findByRole('option', { name: 'Water access' })).toBeInTheDocument();

    const row = await screen.findByTestId('topic-row');
    const name = within(row).getByRole('textbox', { name: 'Name' });
    await userEvent.clear(name);
    await userEvent.type(name, 'Clean water');
    await userEvent.click(within(row).getByRole('button', { name: 'Rename' }));
    expect(await within(courseTopic).findByRole('option', { name: 'Clean water' })).toBeInTheDocument();

    await userEvent.click(within(screen.getByTestId('topic-row')).getByRole('button', { name: 'Archive' }));
    await waitFor(() => expect(within(courseTopic).queryByRole('option', { name: 'Clean water' })).toBeNull());
  });
});
