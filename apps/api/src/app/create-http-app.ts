import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest, RawRequestDefaultExpression } from 'fastify';
import fastifyCompress from '@fastify/compress';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import { Logger } from 'nestjs-pino';
import { AppModule, type AppModuleOptions } from './app.module.js';
import { setUpOpenApi } from './openapi.js';
import { securityHeaders } from './security-headers.js';
import { guardStorableInput } from '../common/http/storable-input.js';
import { describeError, sendError } from '../common/errors/error-response.js';
import { answerClientError } from '../common/errors/client-error.js';
import { registerPublicVerifyRoute } from '../modules/certificates/public-verify.route.js';
import { registerChannelCallbackRoutes } from '../modules/channels/channel-callbacks.route.js';
import { s3BrowserOrigin } from '../modules/materials/storage/s3.storage.js';

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/**
 * Builds the HTTP application: Fastify, security headers, cookies, `/api` routes, the
 * OpenAPI document, and the built SPA at `/`. Used by main.ts and by the HTTP tests.
 */
export async function createHttpApp(options: AppModuleOptions): Promise<NestFastifyApplication> {
  const { config } = options;
  const adapter = new FastifyAdapter({
    bodyLimit: config.BODY_LIMIT_BYTES,
    trustProxy: config.TRUST_PROXY,
    // Keep a caller's request id when it looks sane, so logs join up across services.
    genReqId: (request: RawRequestDefaultExpression) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    // Errors the router answers itself (a path it cannot decode) get our error body too.
    frameworkErrors: (error: Error, request: FastifyRequest, reply: FastifyReply) => {
      sendError(reply, request, describeError(error));
    },
    clientErrorHandler: answerClientError,
    // Deep links into the SPA (/directory, /profile…) load index.html; the SPA routes them.
    rewriteUrl: (request: RawRequestDefaultExpression) => {
      const url = request.url ?? '/';
      const path = url.split('?')[0]!;
      const isSpaRoute = !path.startsWith('/api') && !/\.[A-Za-z0-9]+$/.test(path);
      return isSpaRoute && request.method === 'GET' ? '/' : url;
    },
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(options), adapter, {
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  // No enableShutdownHooks(): Nest would run the destroy hooks (database disconnect) before
  // closing the HTTP server, failing requests in flight. main.ts stops in order instead
  // (app/graceful-shutdown.ts).
  app.setGlobalPrefix('api');

  await app.register(fastifyCookie);
  // JSON answers shrink 5-10× with compression: it matters on 3G. Static files come
  // precompressed from the SPA build (see preCompressed below), so no work per request.
  await app.register(fastifyCompress, { encodings: ['br', 'gzip'], threshold: 1024 });
  // With S3 storage, pictures and players load from signed URLs on the bucket's origin.
  const storageOrigins = [s3BrowserOrigin(config)].filter((origin): origin is string => origin !== null);
  const headers = securityHeaders({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Mantine writes CSS variables into style attributes.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:', ...storageOrigins],
        // blob: a course saved for offline use plays its video or sound from the device.
        mediaSrc: ["'self'", 'blob:', ...storageOrigins],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: config.isProduction ? [] : null,
      },
    },
    strictTransportSecurity: config.isProduction,
  });
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', (_request, reply, done) => {
    reply.headers(headers);
    done();
  });
  guardStorableInput(fastify);
  fastify.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
    // API answers are personal: no shared cache may keep them. A route that says otherwise
    // (a thumbnail, kept privately by the browser) keeps its own `private` rule.
    if (request.url.startsWith('/api') && !String(reply.getHeader('cache-control') ?? '').startsWith('private')) {
      reply.header('cache-control', 'no-store');
    }
  });

  if (existsSync(config.WEB_DIST)) {
    await app.register(fastifyStatic, {
      root: config.WEB_DIST,
      wildcard: true,
      preCompressed: true,
      setHeaders: (reply, filePath) => {
        // Vite puts a content hash in asset names: they never change, so cache them for a year.
        const immutable = filePath.includes('/assets/');
        reply.header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }
  registerPublicVerifyRoute(app);
  registerChannelCallbackRoutes(app);
  setUpOpenApi(app);
  await app.init();
  return app;
}
