import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { z } from 'zod';
import { certificateVerificationSchema, verificationCodeSchema } from '@tadamon/shared';
import { notFound } from '../../common/errors/app-error.js';
import { describeError, sendError } from '../../common/errors/error-response.js';
import { toVerificationView } from './certificate-view.js';
import { VerificationCache } from './verification-cache.js';
import { VerifyRateLimiter } from './verify-rate-limiter.js';

export const PUBLIC_VERIFY_PATH = '/api/verify/:code';

/**
 * GET /api/verify/:code — public, no sign-in — served by Fastify directly rather than through
 * Nest's guards, interceptors and pipes. It is the one route strangers call at volume (QR
 * codes on printed certificates), it reads no session, and Nest's pipeline alone costs more
 * than its 20 ms p95 budget at 100 concurrent requests (see bench/certificates-verify.mjs).
 * It keeps the house rules by hand: public by design (listed in access-declarations.spec),
 * rate-limited per address, the answer serialised from the shared zod schema (nothing
 * undeclared leaks), and errors in the common `{code, message, requestId}` shape.
 */
export function registerPublicVerifyRoute(app: NestFastifyApplication): void {
  const limiter = app.get(VerifyRateLimiter);
  const cache = app.get(VerificationCache);
  const { $schema: _, ...answer } = z.toJSONSchema(certificateVerificationSchema) as Record<string, unknown>;
  app
    .getHttpAdapter()
    .getInstance()
    .get<{ Params: { code: string } }>(PUBLIC_VERIFY_PATH, { schema: { response: { 200: answer } } }, async (request, reply) => {
      try {
        await limiter.hit(request.ip);
        const code = verificationCodeSchema.safeParse(request.params.code);
        const row = code.success ? await cache.find(code.data) : null;
        if (!row) throw notFound('certificate');
        return toVerificationView(row);
      } catch (error) {
        const described = describeError(error);
        if (described.code === 'INTERNAL') request.log.error({ err: error }, 'Verification failed');
        return sendError(reply, request, described);
      }
    });
}
