import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { validationError } from './course-access.js';

/**
 * The revision an editor's change is based on, from `If-Match: "<revision>"` (quotes and a
 * weak prefix are tolerated). Required on every change to a course or path, so that two
 * editors never overwrite each other silently.
 */
export const ExpectedRevision = createParamDecorator((_: unknown, context: ExecutionContext): number => {
  const header = context.switchToHttp().getRequest<{ headers: Record<string, string | undefined> }>().headers['if-match'];
  const match = /^(?:W\/)?"?(\d{1,9})"?$/.exec((header ?? '').trim());
  if (!match) throw validationError('If-Match', header ? 'invalid_revision' : 'revision_required');
  return Number(match[1]);
});
