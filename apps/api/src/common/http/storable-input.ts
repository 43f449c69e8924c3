import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasUnstorableText, UNSTORABLE_TEXT_CODE, type FieldErrors } from '@tadamon/shared';
import { sendError } from '../errors/error-response.js';

/** Deeper than any form or document we accept; a walk (or JSON.stringify) below it stays cheap. */
export const MAX_BODY_DEPTH = 64;

type Problem = { field: string; code: string; message: string };

const INVALID_TEXT = 'Contains a character that cannot be stored (U+0000 or an unpaired surrogate).';

/**
 * The first string (or key) in a parsed JSON value that PostgreSQL could not store, or nesting
 * deeper than MAX_BODY_DEPTH. Iterative, so a hostile 100,000-level array cannot overflow the stack.
 */
export function findUnstorable(value: unknown, prefix = ''): Problem | null {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value, path: prefix, depth: 0 }];
  while (stack.length) {
    const item = stack.pop()!;
    if (typeof item.value === 'string') {
      if (hasUnstorableText(item.value)) return { field: item.path, code: UNSTORABLE_TEXT_CODE, message: INVALID_TEXT };
      continue;
    }
    if (item.value === null || typeof item.value !== 'object' || ArrayBuffer.isView(item.value)) continue;
    if (typeof (item.value as { pipe?: unknown }).pipe === 'function') continue; // a stream (uploads)
    if (item.depth >= MAX_BODY_DEPTH) return { field: item.path, code: 'too_deep', message: 'Nested too deeply.' };
    for (const [key, child] of Object.entries(item.value)) {
      const path = item.path ? `${item.path}.${key}` : key;
      if (hasUnstorableText(key)) return { field: path, code: UNSTORABLE_TEXT_CODE, message: INVALID_TEXT };
      stack.push({ value: child, path, depth: item.depth + 1 });
    }
  }
  return null;
}

/** The URL's percent-encoding must decode to text: `%FF` or an encoded surrogate is not text. */
function urlProblem(url: string): Problem | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(url);
  } catch {
    return { field: '_', code: 'invalid_encoding', message: 'The address is not valid UTF-8.' };
  }
  return hasUnstorableText(decoded) ? { field: '_', code: UNSTORABLE_TEXT_CODE, message: INVALID_TEXT } : null;
}

function refuse(request: FastifyRequest, reply: FastifyReply, problem: Problem) {
  const fields: FieldErrors = { [problem.field || '_']: [{ code: problem.code, message: problem.message }] };
  return sendError(reply, request, { code: 'VALIDATION_FAILED', message: 'The request is not valid.', details: { fields } });
}

/**
 * Refuses, as 400 VALIDATION_FAILED, text no route can store — in the path, the query string
 * or any string or key of a JSON body — before any route runs. Zod schemas check shapes and
 * lengths; this is the one place for characters, so no route can forget it and answer 500
 * when PostgreSQL refuses them.
 */
export function guardStorableInput(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', async (request, reply) => {
    const problem = urlProblem(request.url) ?? findUnstorable(request.params) ?? findUnstorable(request.query);
    if (problem) return refuse(request, reply, problem);
  });
  fastify.addHook('preValidation', async (request, reply) => {
    const problem = findUnstorable(request.body);
    if (problem) return refuse(request, reply, problem);
  });
}
