import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { json, mockFetch, renderWithProviders, volunteerSession } from '../../../test/render';
import { VersionEditor } from './version-editor';

const DOC = '00000000-0000-4000-8000-00000000d0c1';
const saved = { id: DOC, versions: [], signatories: [] };
const conflict = {
  code: 'CONFLICT',
  message: 'Someone saved',
  requestId: 'r1',
  details: {
    currentRevision: 2,
    current: { title: 'Letter', body: 'We call on the government.', authorName: 'Karim Leader', savedAt: '2026-11-26T10:00:00.000Z' },
    theirChanges: [
      { kind: 'same', text: 'We call on the ' },
      { kind: 'removed', text: 'minister' },
      { kind: 'added', text: 'government' },
      { kind: 'same', text: '.' },
    ],
  },
};

function renderEditor(onDone = vi.fn()) {
  renderWithProviders(
    <VersionEditor documentId={DOC} language="en" revision={1} title="Letter" body="We call on the minister." onDone={onDone} />,
    { session: volunteerSession },
  );
  return onDone;
}
const textArea = () => screen.getByRole('textbox', { name: /^Text/ });

// Mantine's autosizing textarea listens to document.fonts, which happy-dom lacks (browsers have it).
beforeAll(() => {
  if (!('fonts' in document)) Object.defineProperty(document, 'fonts', { value: new EventTarget(), configurable: true });
});

describe('VersionEditor', () => {
  it('shows the conflict screen with the other change, keeps my text, and saves on the new revision', async () => {
    const bodies: unknown[] = [];
    mockFetch({
      [`PUT /api/documents/${DOC}/versions/en`]: (call) => {
        bodies.push(call.body);
        return bodies.length === 1 ? json(409, conflict) : json(200, saved);
      },
    });
    const onDone = renderEditor();
    await userEvent.clear(await screen.findByRole('textbox', { name: /^Text/ }));
    await userEvent.type(textArea(), 'We urge the minister.');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));

    const alert = await screen.findByTestId('conflict');
    expect(alert).toHaveTextContent('Karim Leader saved a new version');
    expect(screen.getByLabelText('added: government')).toBeInTheDocument();
    expect(screen.getByLabelText('removed: minister')).toBeInTheDocument();
    expect(screen.getByTestId('conflict-mine')).toHaveTextContent('We urge the minister.');
    expect(onDone).not.toHaveBeenCalled();

    // Continue from their text, redo my change, save against revision 2.
    await userEvent.click(screen.getByRole('button', { name: 'Continue from their text' }));
    expect(textArea()).toHaveValue('We call on the government.');
    await userEvent.clear(textArea());
    await userEvent.type(textArea(), 'We urge the government.');
    await userEvent.click(screen.getByRole('button', { name: 'Save my merged text' }));
    await vi.waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(bodies).toEqual([
      { title: 'Letter', body: 'We urge the minister.', baseRevision: 1 },
      { title: 'Letter', body: 'We urge the government.', baseRevision: 2 },
    ]);
  });

  it('can keep my own text, saving it over theirs knowingly', async () => {
    const bodies: unknown[] = [];
    mockFetch({
      [`PUT /api/documents/${DOC}/versions/en`]: (call) => {
        bodies.push(call.body);
        return bodies.length === 1 ? json(409, conflict) : json(200, saved);
      },
    });
    const onDone = renderEditor();
    await userEvent.click(await screen.findByRole('button', { name: 'Save' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Keep my text' }));
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    await vi.waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(bodies[1]).toEqual({ title: 'Letter', body: 'We call on the minister.', baseRevision: 2 });
  });
});
