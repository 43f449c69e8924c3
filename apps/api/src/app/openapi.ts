import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { cleanupOpenApiDoc } from 'nestjs-zod';

/** OpenAPI generated from the zod schemas: JSON at /api/openapi.json, browsable at /api/docs. */
export function setUpOpenApi(app: NestFastifyApplication): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Tadamon API')
      .setDescription('Training intranet for volunteer organisations and their networks.')
      .setVersion('0.1.0')
      .addCookieAuth('tadamon_session')
      .build(),
  );
  SwaggerModule.setup('api/docs', app, cleanupOpenApiDoc(document), {
    jsonDocumentUrl: 'api/openapi.json',
    raw: ['json'],
  });
}
