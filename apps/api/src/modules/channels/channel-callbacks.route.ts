import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance } from 'fastify';
import { CallbackRejected } from '../../common/channels/channel-types.js';
import { NotificationChannels } from '../../common/channels/notification-channel.js';
import { APP_CONFIG, type AppConfig } from '../../common/config/config.js';
import { AppError, notFound } from '../../common/errors/app-error.js';
import { describeError, sendError } from '../../common/errors/error-response.js';
import { safeEqual } from '../../common/auth/tokens.js';
import { MessageDispatcher } from './message-dispatcher.js';

export const CHANNEL_CALLBACK_PATH = '/api/channels/callbacks/:provider';

/**
 * Delivery status callbacks from SMS and WhatsApp providers, served by Fastify directly:
 * providers sign the exact bytes they send (Twilio: the URL plus the form fields; Meta: the raw
 * JSON), so the body must reach the check unparsed, and they carry neither a session nor a CSRF
 * token. Public by design (listed in access-declarations.spec) and trusted only once the
 * signature matches: an unsigned call answers 401, a forged one 403, and neither records anything.
 */
export function registerChannelCallbackRoutes(app: NestFastifyApplication): void {
  const channels = app.get(NotificationChannels);
  const dispatcher = app.get(MessageDispatcher);
  const config = app.get<AppConfig>(APP_CONFIG);
  const fastify = app.getHttpAdapter().getInstance() as unknown as FastifyInstance;
  void fastify.register(async (scope) => {
    // Within this scope only: every body stays the string that was signed.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'string', bodyLimit: 256 * 1024 }, (_request, body, done) => done(null, body));

    scope.post<{ Params: { provider: string } }>(CHANNEL_CALLBACK_PATH, async (request, reply) => {
      try {
        const channel = channels.byCallbackPath(request.params.provider);
        if (!channel?.callbacks) throw notFound('callback');
        let updates;
        try {
          updates = channel.callbacks.verify({ headers: request.headers, rawBody: typeof request.body === 'string' ? request.body : '' });
        } catch (error) {
          if (!(error instanceof CallbackRejected)) throw error;
          request.log.warn({ provider: request.params.provider, reason: error.message }, 'Channel callback rejected');
          throw error.status === 401
            ? new AppError('CALLBACK_UNSIGNED', 'This callback carries no signature.')
            : new AppError('CALLBACK_SIGNATURE_INVALID', 'This callback’s signature does not match.');
        }
        for (const update of updates) await dispatcher.statusCallback(channel.provider, update);
        return reply.status(204).send();
      } catch (error) {
        const described = describeError(error);
        if (described.code === 'INTERNAL') request.log.error({ err: error }, 'Channel callback failed');
        return sendError(reply, request, described);
      }
    });

    // Meta's webhook subscription check: echo the challenge when the verify token matches.
    scope.get<{ Params: { provider: string }; Querystring: Record<string, string | undefined> }>(
      CHANNEL_CALLBACK_PATH,
      async (request, reply) => {
        const query = request.query;
        const token = config.WHATSAPP_VERIFY_TOKEN;
        if (
          request.params.provider !== 'whatsapp' ||
          !token ||
          query['hub.mode'] !== 'subscribe' ||
          !safeEqual(query['hub.verify_token'] ?? '', token)
        ) {
          return sendError(reply, request, describeError(new AppError('CALLBACK_SIGNATURE_INVALID', 'Verification token does not match.')));
        }
        return reply.type('text/plain').send(query['hub.challenge'] ?? '');
      },
    );
  });
}
