import { z } from 'zod';
import { newPasswordSchema } from './common.js';

/** How a message may reach a person. */
export const MESSAGE_CHANNELS = ['EMAIL', 'SMS', 'WHATSAPP'] as const;
export type MessageChannel = (typeof MESSAGE_CHANNELS)[number];

/**
 * The kinds of message a person chooses channels for. ACCREDITATION: submissions, decisions
 * and renewal reminders; COLLABORATION: mentions, replies, comments and signature requests;
 * COURSE_COMPLETED: a finished course (and the certificates it earns).
 */
export const MESSAGE_KINDS = [
  'INVITATION',
  'PASSWORD_CODE',
  'MEETING',
  'CERTIFICATE_EXPIRY',
  'COURSE_DUE',
  'ACCREDITATION',
  'COLLABORATION',
  'COURSE_COMPLETED',
] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

/** Kinds that must keep at least one channel: without them a person could lock themselves out. */
export const REQUIRED_MESSAGE_KINDS: readonly MessageKind[] = ['PASSWORD_CODE'];

const channelListSchema = z
  .array(z.enum(MESSAGE_CHANNELS))
  .max(MESSAGE_CHANNELS.length)
  .refine((list) => new Set(list).size === list.length, 'Each channel at most once');

/** One kind of message: the channels tried, first to last (a failed delivery falls back to the next). */
export const channelPreferenceSchema = z.strictObject({
  kind: z.enum(MESSAGE_KINDS),
  channels: channelListSchema,
});
export type ChannelPreference = z.infer<typeof channelPreferenceSchema>;

export const channelPreferencesSchema = z.object({
  preferences: z.array(channelPreferenceSchema),
  /** Which channels can reach this person at all (e-mail needs an address, SMS and WhatsApp a phone). */
  reachable: z.object({ EMAIL: z.boolean(), SMS: z.boolean(), WHATSAPP: z.boolean() }),
});
export type ChannelPreferences = z.infer<typeof channelPreferencesSchema>;

export const channelPreferencesUpdateSchema = z.strictObject({
  preferences: z
    .array(channelPreferenceSchema)
    .min(1)
    .max(MESSAGE_KINDS.length)
    .refine((list) => new Set(list.map((p) => p.kind)).size === list.length, 'Each kind at most once'),
});
export type ChannelPreferencesUpdate = z.infer<typeof channelPreferencesUpdateSchema>;

/** A phone number in E.164 (+ country code, up to 15 digits), as stored on accounts. */
export const e164PhoneSchema = z
  .string()
  .trim()
  .transform((v) => v.replace(/[\s().-]/g, ''))
  .pipe(z.string().regex(/^\+[1-9]\d{6,14}$/, 'phoneNumber'));

/** Password reset of an account without e-mail: a 6-digit code by SMS. */
export const smsResetRequestSchema = z.strictObject({ phone: e164PhoneSchema });
export const smsResetConfirmSchema = z.strictObject({
  phone: e164PhoneSchema,
  code: z.string().trim().regex(/^\d{6}$/, 'sixDigits'),
  password: newPasswordSchema,
});
export type SmsResetRequest = z.infer<typeof smsResetRequestSchema>;
export type SmsResetConfirm = z.infer<typeof smsResetConfirmSchema>;

/**
 * A network's message budget this month (UTC): SMS segments and WhatsApp messages used, and the
 * limit that stops sending. `monthlyLimit` is the network's own when a coordinator set one,
 * else the platform default.
 */
export const messageBudgetSchema = z.object({
  networkId: z.uuid(),
  month: z.string(),
  used: z.number().int(),
  monthlyLimit: z.number().int(),
  platformDefault: z.number().int(),
  /** Whether the network has its own limit (false: the platform default applies). */
  custom: z.boolean(),
  /** Coordinators are alerted when this share of the limit is used. */
  alertPercent: z.number().int(),
  updatedAt: z.string().nullable(),
});
export type MessageBudget = z.infer<typeof messageBudgetSchema>;

/** A coordinator sets the network's own limit, or `null` to go back to the platform default. */
export const messageBudgetUpdateSchema = z.strictObject({
  monthlyLimit: z.number().int().min(0).max(1_000_000).nullable(),
});
export type MessageBudgetUpdate = z.infer<typeof messageBudgetUpdateSchema>;
