import { z } from 'zod';

/** What a session still owes after a right password: a code, or enrolment in TOTP first. */
export const SECOND_FACTOR_STEPS = ['verify', 'enrol'] as const;
export type SecondFactorStep = (typeof SECOND_FACTOR_STEPS)[number];

/** A 6-digit TOTP code or a recovery code (xxxxx-xxxxx); spaces typed by people are dropped. */
export const secondFactorCodeSchema = z
  .string()
  .transform((value) => value.replace(/\s+/g, '').toLowerCase())
  .pipe(z.string().regex(/^(\d{6}|[a-z0-9]{5}-?[a-z0-9]{5})$/, 'A 6-digit code or a recovery code'));

export const secondFactorVerifySchema = z.strictObject({ code: secondFactorCodeSchema });
export type SecondFactorVerify = z.infer<typeof secondFactorVerifySchema>;

export const totpCodeSchema = z
  .string()
  .transform((value) => value.replace(/\s+/g, ''))
  .pipe(z.string().regex(/^\d{6}$/, 'A 6-digit code'));

export const totpConfirmSchema = z.strictObject({ code: totpCodeSchema });
export type TotpConfirm = z.infer<typeof totpConfirmSchema>;

export const totpDisableSchema = z.strictObject({
  password: z.string().min(1).max(1024),
  code: secondFactorCodeSchema,
});
export type TotpDisable = z.infer<typeof totpDisableSchema>;

/** New recovery codes replace all the old ones: the password and a current code, as to disable. */
export const recoveryCodesRegenerateSchema = totpDisableSchema;
export type RecoveryCodesRegenerate = TotpDisable;

/** A new secret to scan: shown once, until a first code confirms it. */
export const totpEnrolmentSchema = z.object({
  secret: z.string(),
  otpauthUrl: z.string(),
  /** The otpauth URL as an SVG QR code (a data: URL), drawn by the server. */
  qrCodeDataUrl: z.string(),
});
export type TotpEnrolment = z.infer<typeof totpEnrolmentSchema>;

export const recoveryCodesSchema = z.object({ recoveryCodes: z.array(z.string()).length(10) });
export type RecoveryCodes = z.infer<typeof recoveryCodesSchema>;

export const totpStatusSchema = z.object({
  enabled: z.boolean(),
  /** Coordinators and platform admins must keep it on. */
  required: z.boolean(),
  recoveryCodesLeft: z.number().int(),
});
export type TotpStatus = z.infer<typeof totpStatusSchema>;
