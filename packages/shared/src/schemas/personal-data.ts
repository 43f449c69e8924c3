import { z } from 'zod';
import { uuidSchema } from './common.js';

// ---- People own their data (issue 13) ----

export const DATA_EXPORT_STATUSES = ['PENDING', 'READY', 'FAILED'] as const;
export type DataExportStatus = (typeof DATA_EXPORT_STATUSES)[number];

/** One requested download of all of a person's data. */
export const dataExportSchema = z.object({
  id: uuidSchema,
  status: z.enum(DATA_EXPORT_STATUSES),
  createdAt: z.string(),
  readyAt: z.string().nullable(),
  /** After this the file is gone; ask for a new export. */
  expiresAt: z.string().nullable(),
  sizeBytes: z.number().int().nullable(),
  /** GET this path for the ZIP (only while READY and not expired). */
  downloadPath: z.string(),
});
export type DataExport = z.infer<typeof dataExportSchema>;
export const dataExportListSchema = z.object({ items: z.array(dataExportSchema) });

export const ERASURE_REQUEST_STATUSES = ['PENDING', 'COMPLETED', 'CANCELLED'] as const;

/** The person's own view of their erasure request. */
export const erasureRequestSchema = z.object({
  id: uuidSchema,
  status: z.enum(ERASURE_REQUEST_STATUSES),
  requestedAt: z.string(),
});
export type ErasureRequest = z.infer<typeof erasureRequestSchema>;
export const myErasureRequestSchema = z.object({ request: erasureRequestSchema.nullable() });

/** What a leader or coordinator sees before confirming. */
export const pendingErasureSchema = z.object({
  id: uuidSchema,
  userId: uuidSchema,
  name: z.string(),
  // Null for people signed up by a leader with a phone number or a username only.
  email: z.string().nullable(),
  requestedAt: z.string(),
});
export type PendingErasure = z.infer<typeof pendingErasureSchema>;
export const pendingErasureListSchema = z.object({ items: z.array(pendingErasureSchema) });
