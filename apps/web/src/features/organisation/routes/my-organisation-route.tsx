import { Navigate } from 'react-router';
import { ledOrganisationId, useSignedInSession } from '../../../lib/session';

/** /organisation: a leader's own organisation; anyone else finds organisations in the directory. */
export function MyOrganisationRoute() {
  const session = useSignedInSession();
  const id = ledOrganisationId(session);
  return <Navigate to={id ? `/organisations/${id}/members` : '/directory'} replace />;
}
