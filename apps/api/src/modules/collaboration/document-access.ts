import type { Actor } from '../../common/auth/actor.js';
import type { Prisma } from '../../generated/prisma/client.js';
import { holdsInOrganisation } from '../../common/auth/roles.js';
import { canModerate, visibleWhere as visibleGroupsWhere } from './group-visibility.js';

/** What the services need of a document to decide who may do what with it. */
export interface DocumentForAccess {
  ownerOrganisationId: string;
  group: { networkId: string; coordinators: { user: { id: string } }[] };
  signatories: { organisationId: string }[];
}

const moderates = (actor: Actor, doc: DocumentForAccess) =>
  canModerate(actor, { networkId: doc.group.networkId, coordinatorIds: doc.group.coordinators.map((c) => c.user.id) });

const leads = (actor: Actor, organisationId: string, permission: 'documents.edit' | 'documents.sign') =>
  holdsInOrganisation(actor, permission, organisationId);

/** A document is seen by whoever sees its working group. */
export function visibleWhere(actor: Actor): Prisma.JointDocumentWhereInput {
  return { group: visibleGroupsWhere(actor) };
}

/** Leaders of the owner and of every invited organisation draft together; so do the group's coordinators. */
export function canEdit(actor: Actor, doc: DocumentForAccess): boolean {
  if (moderates(actor, doc)) return true;
  return [doc.ownerOrganisationId, ...doc.signatories.map((s) => s.organisationId)].some((id) => leads(actor, id, 'documents.edit'));
}

/** The owner organisation's leaders (and the group's coordinators) steer the life cycle. */
export function canChangeStatus(actor: Actor, doc: DocumentForAccess): boolean {
  return moderates(actor, doc) || leads(actor, doc.ownerOrganisationId, 'documents.edit');
}

/** Only an organisation's own leaders sign or decline for it: not a coordinator on its behalf. */
export function organisationsActorSignsFor(actor: Actor, doc: DocumentForAccess): string[] {
  return doc.signatories.map((s) => s.organisationId).filter((id) => leads(actor, id, 'documents.sign'));
}
