import { zodResolver } from '@hookform/resolvers/zod';
import type { FieldValues, Resolver } from 'react-hook-form';
import type { z } from 'zod';
import { zodIssueToMessage, type Issue } from './form-errors';

export { applyServerErrors, translateFieldError, zodIssueToMessage } from './form-errors';

/** react-hook-form resolver for a shared zod schema, with translatable messages. */
export function schemaResolver<S extends z.ZodType<FieldValues, FieldValues>>(
  schema: S,
): Resolver<z.input<S>, unknown, z.output<S>> {
  const options = { error: (issue: Issue) => zodIssueToMessage(issue) };
  return zodResolver(schema as never, options as never) as unknown as Resolver<z.input<S>, unknown, z.output<S>>;
}
