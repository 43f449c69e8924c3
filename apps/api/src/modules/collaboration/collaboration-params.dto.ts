import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { languageSchema, uuidSchema } from '@tadamon/shared';

// Ids are checked before they reach the database: a malformed one answers 400, not a cast error.
export class IdParamsDto extends createZodDto(z.strictObject({ id: uuidSchema })) {}
export class VersionParamsDto extends createZodDto(z.strictObject({ id: uuidSchema, language: languageSchema })) {}
export class SignatoryParamsDto extends createZodDto(z.strictObject({ id: uuidSchema, organisationId: uuidSchema })) {}
