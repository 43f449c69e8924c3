import { z } from 'zod';
import { resolve } from 'node:path';
import { repoRoot } from './paths.js';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/**
 * Every setting the processes read, validated once at start. A wrong value stops the
 * process with a message naming the variable (see `loadConfig`).
 */
export const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().default('0.0.0.0'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Where people reach the SPA; used in e-mail links. */
  PUBLIC_URL: z.url().optional(),
  /** PostgreSQL. Absent: an embedded PostgreSQL under DATA_DIR is started. */
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1024).max(65535).default(54329),
  DATA_DIR: z.string().default(resolve(repoRoot, '.data')),
  /** Redis for BullMQ. Absent: jobs run inside the API process. */
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).optional(),
  /** With REDIS_URL, the API also consumes jobs (single-process deployments, tests). */
  RUN_WORKER_IN_API: bool.default(false),
  /** SMTP server, e.g. smtp://user:pass@mail.example.org:587. Absent: mails go to the log. */
  SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
  MAIL_FROM: z.string().default('Tadamon <no-reply@tadamon.local>'),
  /** How often a failing background job is tried, and the first wait between tries. */
  JOB_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(5),
  JOB_BACKOFF_MS: z.coerce.number().int().min(10).default(2000),
  /** The outbox relay's poll, under LISTEN/NOTIFY: the latest a committed job waits to be relayed. */
  OUTBOX_POLL_MS: z.coerce.number().int().min(50).default(1000),
  /** Longest wait between relay tries while Redis is away (back-off doubles up to this). */
  OUTBOX_MAX_BACKOFF_MS: z.coerce.number().int().min(100).default(5000),
  /** On SIGTERM, how long requests in flight (and the worker's jobs) may take before connections are cut. */
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).default(25_000),
  /** Longest wait for a database connection; beyond it a request answers 503 DATABASE_UNAVAILABLE. */
  DATABASE_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).default(5_000),
  /**
   * PostgreSQL connections per process. Every API and worker process opens up to this many:
   * keep processes × pool size under the server's max_connections (100 by default, less on
   * many managed plans) with room for backups and migrations.
   */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(5).default(12 * 60),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).default(30 * 24),
  BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(1024 * 1024),
  /** Apply pending migrations at start (the default for the embedded setup). */
  MIGRATE_ON_START: bool.default(true),
  /** Seed the demo network when the database has no network yet. */
  SEED_DEMO: bool.default(false),
  WEB_DIST: z.string().default(resolve(repoRoot, 'apps/web/dist')),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TRUST_PROXY: bool.default(false),
  /** Largest file one upload may hold (material library); larger answers 413. */
  UPLOAD_MAX_BYTES: z.coerce.number().int().min(1024).default(2 * 1024 * 1024 * 1024),
  /** Unfinished uploads older than this are deleted by the cleanup job. */
  UPLOAD_EXPIRY_HOURS: z.coerce.number().int().min(1).default(48),
  /** Public certificate checks allowed per client address per minute (answers 429 beyond). */
  VERIFY_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(60),
  /** ffmpeg for posters, 240p renditions and audio tracks; looked up on PATH. Set empty to turn media processing off. */
  FFMPEG_PATH: z.string().default('ffmpeg'),
  /** ffprobe for durations and sizes; default: beside FFMPEG_PATH. */
  FFPROBE_PATH: z.string().optional(),
  /** pdftoppm (poppler-utils) for the first-page thumbnail of PDFs; set empty to skip them. */
  PDFTOPPM_PATH: z.string().default('pdftoppm'),
  /** ffmpeg runs at once per process (encoding is CPU-bound; other jobs keep their slots). */
  MEDIA_CONCURRENCY: z.coerce.number().int().min(1).max(16).default(1),
  /** Live document pages (server-sent events): comment-line heartbeat and longest stream. */
  LIVE_HEARTBEAT_MS: z.coerce.number().int().min(100).default(25_000),
  LIVE_STREAM_MAX_MS: z.coerce.number().int().min(1000).default(10 * 60_000),
  /** Encrypts the networks' credential-signing keys at rest; required in production. */
  CREDENTIAL_KEY_SECRET: z.string().min(32).optional(),
  /** Where material files live: `local` (DATA_DIR) or `s3` (S3-compatible, for several API processes). */
  STORAGE_DRIVER: z.enum(['local', 's3']).default('local'),
  /** S3-compatible endpoint (MinIO, Garage, Scaleway…); absent: AWS for S3_REGION. */
  S3_ENDPOINT: z.url({ protocol: /^https?$/ }).optional(),
  S3_REGION: z.string().default('us-east-1'),
  S3_BUCKET: z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'an S3 bucket name').optional(),
  /** Absent: the AWS SDK's own credential chain (instance role, AWS_* variables). */
  S3_ACCESS_KEY_ID: z.string().optional(),
  S3_SECRET_ACCESS_KEY: z.string().optional(),
  /** Most self-hosted S3-compatible servers need path-style URLs (bucket in the path). */
  S3_FORCE_PATH_STYLE: bool.default(false),
  /** How long a download link handed out after the access check stays valid (S3 only). */
  SIGNED_URL_TTL_SECONDS: z.coerce.number().int().min(1).max(7 * 24 * 3600).default(300),
  /** clamd for antivirus scanning of uploads: TCP host and port, or a Unix socket. Absent: no scan. */
  CLAMD_HOST: z.string().optional(),
  CLAMD_PORT: z.coerce.number().int().min(1).max(65535).default(3310),
  CLAMD_SOCKET: z.string().optional(),
  CLAMD_TIMEOUT_MS: z.coerce.number().int().min(100).default(60_000),
  /**
   * clamd's StreamMaxLength (its default is 25 MiB). A larger file is failed as SCAN_FAILED
   * before it is sent: clamd answers such a stream with an error and hangs up, and the reset of
   * that hang-up can overtake the answer, which would look like an unreachable clamd.
   */
  CLAMD_STREAM_MAX_BYTES: z.coerce.number().int().min(1).default(25 * 1024 * 1024),
  /**
   * SMS: `log` (the default: messages go to the log, as e-mail without SMTP_URL) or `twilio`
   * (any HTTP provider speaking Twilio's Messages API; SMS_TWILIO_BASE_URL for the compatible ones).
   */
  SMS_PROVIDER: z.enum(['log', 'twilio']).default('log'),
  SMS_TWILIO_BASE_URL: z.url({ protocol: /^https?$/ }).default('https://api.twilio.com'),
  SMS_TWILIO_ACCOUNT_SID: z.string().regex(/^[A-Za-z0-9]{8,64}$/, 'an account SID').optional(),
  /** Signs requests (basic auth) and the provider's status callbacks (X-Twilio-Signature). */
  SMS_TWILIO_AUTH_TOKEN: z.string().min(8).optional(),
  /** Sender: an E.164 number, an alphanumeric sender id, or a messaging service SID (MG…). */
  SMS_FROM: z.string().min(1).max(32).optional(),
  /** WhatsApp Business Cloud API. Absent phone number id: WhatsApp messages go to the log. */
  WHATSAPP_API_URL: z.url({ protocol: /^https?$/ }).default('https://graph.facebook.com/v21.0'),
  WHATSAPP_PHONE_NUMBER_ID: z.string().regex(/^\d{5,32}$/, 'a numeric phone number id').optional(),
  WHATSAPP_ACCESS_TOKEN: z.string().min(8).optional(),
  /** The Meta app secret: verifies webhook calls (X-Hub-Signature-256). */
  WHATSAPP_APP_SECRET: z.string().min(8).optional(),
  /** Answered to Meta's webhook subscription check (hub.verify_token). */
  WHATSAPP_VERIFY_TOKEN: z.string().min(8).optional(),
  /** Approved template names start with this (e.g. tadamon_notice, tadamon_password_code). */
  WHATSAPP_TEMPLATE_PREFIX: z.string().regex(/^[a-z0-9_]*$/).default('tadamon_'),
  /** How long a provider may take to accept a message before the next channel is tried. */
  CHANNEL_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
  /** SMS segments plus WhatsApp messages one network may send per calendar month (UTC). */
  MESSAGE_BUDGET_PER_NETWORK: z.coerce.number().int().min(0).default(2000),
  /** Coordinators are warned once a month when this share of the budget is used. */
  MESSAGE_BUDGET_ALERT_PERCENT: z.coerce.number().int().min(1).max(100).default(90),
  /** SMS codes: at most this many per phone number, and per client address, per hour. */
  PHONE_CODES_PER_NUMBER_PER_HOUR: z.coerce.number().int().min(1).default(3),
  PHONE_CODES_PER_ADDRESS_PER_HOUR: z.coerce.number().int().min(1).default(10),
});

export type AppConfig = z.infer<typeof configSchema> & {
  publicUrl: string;
  isProduction: boolean;
};

export class ConfigError extends Error {}

/** Settings where an empty value is a choice (a tool turned off), not a missing one. */
const KEEP_EMPTY = new Set(['FFMPEG_PATH', 'PDFTOPPM_PATH']);

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  // Empty strings count as unset, as in most .env files, except where empty means "none".
  const cleaned = Object.fromEntries(Object.entries(env).filter(([k, v]) => v !== '' || KEEP_EMPTY.has(k)));
  const parsed = configSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map(
      (issue) => `  ${issue.path.join('.')}: ${issue.message}`,
    );
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const config = parsed.data;
  if (config.NODE_ENV === 'production' && !config.CREDENTIAL_KEY_SECRET) {
    throw new ConfigError('Invalid configuration:\n  CREDENTIAL_KEY_SECRET: required in production (32 characters or more)');
  }
  if (config.STORAGE_DRIVER === 's3' && !config.S3_BUCKET) {
    throw new ConfigError('Invalid configuration:\n  S3_BUCKET: required when STORAGE_DRIVER=s3');
  }
  if (config.STORAGE_DRIVER === 's3' && !config.S3_ACCESS_KEY_ID !== !config.S3_SECRET_ACCESS_KEY) {
    throw new ConfigError('Invalid configuration:\n  S3_SECRET_ACCESS_KEY: S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together');
  }
  if (config.SMS_PROVIDER === 'twilio') {
    const missing = (['SMS_TWILIO_ACCOUNT_SID', 'SMS_TWILIO_AUTH_TOKEN', 'SMS_FROM'] as const).filter((k) => !config[k]);
    if (missing.length > 0) {
      throw new ConfigError(`Invalid configuration:\n${missing.map((k) => `  ${k}: required when SMS_PROVIDER=twilio`).join('\n')}`);
    }
  }
  if (config.WHATSAPP_PHONE_NUMBER_ID) {
    const missing = (['WHATSAPP_ACCESS_TOKEN', 'WHATSAPP_APP_SECRET'] as const).filter((k) => !config[k]);
    if (missing.length > 0) {
      throw new ConfigError(`Invalid configuration:\n${missing.map((k) => `  ${k}: required with WHATSAPP_PHONE_NUMBER_ID`).join('\n')}`);
    }
  }
  return {
    ...config,
    publicUrl: (config.PUBLIC_URL ?? `http://localhost:${config.PORT}`).replace(/\/$/, ''),
    isProduction: config.NODE_ENV === 'production',
  };
}

/** Injection token for the validated configuration. */
export const APP_CONFIG = Symbol('APP_CONFIG');
/** Prefix of this app's own Redis keys (rate limits…). */
export const REDIS_KEY_PREFIX = Symbol('REDIS_KEY_PREFIX');
