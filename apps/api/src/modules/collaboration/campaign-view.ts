import type { CampaignProgress, Milestone } from '@tadamon/shared';

type MilestoneRow = { id: string; title: string; dueOn: Date; doneAt: Date | null };

export function milestoneOut(m: MilestoneRow): Milestone {
  return { id: m.id, title: m.title, dueOn: m.dueOn.toISOString().slice(0, 10), done: m.doneAt !== null, doneAt: m.doneAt?.toISOString() ?? null };
}

/** The first milestone not yet done, in timeline order (rows come sorted by due day). */
export function nextMilestone<T extends MilestoneRow>(milestones: T[]): T | undefined {
  return milestones.find((m) => m.doneAt === null);
}

/**
 * The progress view. Documents count only when this reader may see them, so the figures
 * never reveal that a hidden document exists.
 */
export function campaignProgress(
  row: { milestones: MilestoneRow[]; documents: { documentId: string }[]; organisations: unknown[] },
  visibleDocuments: Map<string, { status: string; signedCount: number }>,
): CampaignProgress {
  const docs = row.documents.flatMap(({ documentId }) => visibleDocuments.get(documentId) ?? []);
  return {
    milestonesDone: row.milestones.filter((m) => m.doneAt !== null).length,
    milestonesTotal: row.milestones.length,
    documentsTotal: docs.length,
    documentsSigned: docs.filter((d) => d.signedCount > 0).length,
    documentsPublished: docs.filter((d) => d.status === 'PUBLISHED').length,
    organisations: row.organisations.length,
  };
}
