import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { uuidSchema } from '@tadamon/shared';

// Ids are checked before they reach the database: a malformed one answers 400 naming it.
export class MaterialParamsDto extends createZodDto(z.strictObject({ id: uuidSchema })) {}
export class TranslationParamsDto extends createZodDto(z.strictObject({ id: uuidSchema, translationId: uuidSchema })) {}
export class FileVersionParamsDto extends createZodDto(
  z.strictObject({ id: uuidSchema, translationId: uuidSchema, fileId: uuidSchema }),
) {}
export class FileParamsDto extends createZodDto(z.strictObject({ fileId: uuidSchema })) {}
export class NetworkParamsDto extends createZodDto(z.strictObject({ networkId: uuidSchema })) {}
export class DownloadQueryDto extends createZodDto(z.strictObject({ download: z.enum(['1', '0']).optional() })) {}
export class TopicQueryDto extends createZodDto(
  z.strictObject({ networkId: uuidSchema.optional(), includeArchived: z.enum(['1', '0']).optional() }),
) {}
export class TopicParamsDto extends createZodDto(z.strictObject({ networkId: uuidSchema, topicId: uuidSchema })) {}
