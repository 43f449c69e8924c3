import { useTranslation } from 'react-i18next';
import type { DiffPart } from '@tadamon/shared';

/** A word diff: removed words struck through, added words underlined, both labelled for screen readers. */
export function DiffView({ parts, testId }: { parts: DiffPart[]; testId?: string }) {
  const { t } = useTranslation('collaboration');
  return (
    <p className="collab-diff" dir="auto" data-testid={testId}>
      {parts.map((part, index) =>
        part.kind === 'added' ? (
          <ins key={index} aria-label={t('diff.added', { text: part.text })}>
            {part.text}
          </ins>
        ) : part.kind === 'removed' ? (
          <del key={index} aria-label={t('diff.removed', { text: part.text })}>
            {part.text}
          </del>
        ) : (
          <span key={index}>{part.text}</span>
        ),
      )}
    </p>
  );
}
