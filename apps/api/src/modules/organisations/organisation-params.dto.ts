import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { uuidSchema } from '@tadamon/shared';

// Ids are checked before they reach the database: a malformed one answers 400 naming the
// parameter, instead of a PostgreSQL uuid cast error.
export class OrganisationParamsDto extends createZodDto(z.strictObject({ id: uuidSchema })) {}
export class MembershipParamsDto extends createZodDto(
  z.strictObject({ id: uuidSchema, membershipId: uuidSchema }),
) {}
