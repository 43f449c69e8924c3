import { useState } from 'react';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { QuizAttemptView } from '@tadamon/shared';
import { mockFetch, renderWithProviders, volunteerSession } from '../../../test/render';
import { QuizQuestion, type Answer } from './quiz-question';

const ordering: QuizAttemptView['questions'][number] = {
  id: '11111111-1111-4111-8111-111111111111',
  type: 'ORDERING',
  prompt: 'Order the steps',
  points: 1,
  options: [
    { id: 'b', text: 'Response' },
    { id: 'a', text: 'Danger' },
    { id: 'c', text: 'Airway' },
  ],
};

function Harness({ onAnswer }: { onAnswer: (answer: Answer) => void }) {
  const [answer, setAnswer] = useState<Answer | undefined>();
  return (
    <QuizQuestion
      question={ordering}
      number={1}
      answer={answer}
      onChange={(next) => {
        setAnswer(next);
        onAnswer(next);
      }}
    />
  );
}

describe('ordering questions', () => {
  it('reorders with named up/down buttons, not only by dragging', async () => {
    const answers: Answer[] = [];
    mockFetch({});
    renderWithProviders(<Harness onAnswer={(a) => answers.push(a)} />, { session: volunteerSession });
    const list = await screen.findByTestId('ordering-list');
    expect(within(list).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      expect.stringContaining('Response'),
      expect.stringContaining('Danger'),
      expect.stringContaining('Airway'),
    ]);
    // The first item cannot go further up, the last not further down.
    expect(screen.getByRole('button', { name: 'Move up: Response' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Move down: Airway' })).toBeDisabled();

    await userEvent.click(screen.getByRole('button', { name: 'Move up: Danger' }));
    expect(answers.at(-1)).toEqual({ optionIds: ['a', 'b', 'c'] });
    await userEvent.click(screen.getByRole('button', { name: 'Move down: Response' }));
    expect(answers.at(-1)).toEqual({ optionIds: ['a', 'c', 'b'] });
    expect(within(list).getAllByRole('listitem')[2]).toHaveTextContent('Response');
  });
});
