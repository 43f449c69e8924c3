// Finds or starts what the tests need. On a machine without them, installs Debian's packages
// when it can (root with apt), and says plainly what is missing when it cannot.
import { existsSync, readdirSync } from 'node:fs';
import { commandExists, log, portOpen, tryShell } from './lib.mjs';

const isRoot = process.getuid?.() === 0;
let aptUpdated = false;

function aptInstall(packages) {
  if (!isRoot || !commandExists('apt-get')) return false;
  if (!aptUpdated) aptUpdated = tryShell('apt-get update -qq');
  return tryShell(`DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${packages}`);
}

async function waitForPort(port, seconds = 30) {
  for (let i = 0; i < seconds * 4; i++) {
    if (await portOpen(port)) return true;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return false;
}

export async function ensurePostgres() {
  const url = 'postgresql://postgres@127.0.0.1:5432/postgres';
  if (await portOpen(5432)) return url;
  if (!existsSync('/etc/postgresql')) aptInstall('postgresql');
  if (existsSync('/etc/postgresql')) {
    const version = readdirSync('/etc/postgresql')[0];
    log(`Starting PostgreSQL ${version}`);
    tryShell(`pg_ctlcluster --skip-systemctl-redirect ${version} main start`);
    // Tests connect as postgres over TCP without a password, as on the CI machine.
    tryShell(
      `f=/etc/postgresql/${version}/main/pg_hba.conf; grep -q "127.0.0.1/32 *trust" $f || ` +
        `(sed -i '1i host all all 127.0.0.1/32 trust' $f && pg_ctlcluster --skip-systemctl-redirect ${version} main reload)`,
    );
    if (await waitForPort(5432)) return url;
  }
  throw new Error('PostgreSQL is not running on 127.0.0.1:5432 and could not be started. Set TEST_DATABASE_URL.');
}

export async function ensureRedis() {
  const url = 'redis://127.0.0.1:6379';
  if (await portOpen(6379)) return url;
  if (!commandExists('redis-server')) aptInstall('redis-server');
  if (commandExists('redis-server')) {
    log('Starting Redis');
    tryShell("redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save '' --appendonly no");
    if (await waitForPort(6379)) return url;
  }
  throw new Error('Redis is not running on 127.0.0.1:6379 and could not be started. Set TEST_REDIS_URL.');
}

export function ensureChromium() {
  for (const path of ['/usr/bin/chromium', '/usr/bin/chromium-browser']) if (existsSync(path)) return path;
  log('Installing Debian chromium for the browser tests');
  aptInstall('chromium');
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  throw new Error('Chromium is missing (/usr/bin/chromium). Install it or set CHROMIUM_PATH.');
}

/**
 * clamd for the antivirus tests (Debian's clamav-daemon). The tests start their own clamd with
 * a test-only signature database, so no virus database is downloaded. Answers the path of the
 * clamd binary, or '' (the antivirus tests then say loudly that they were skipped).
 */
export function ensureClamd() {
  for (const path of ['/usr/sbin/clamd', '/usr/bin/clamd']) if (existsSync(path)) return path;
  log('Installing Debian clamav-daemon for the antivirus tests');
  aptInstall('clamav-daemon');
  if (existsSync('/usr/sbin/clamd')) return '/usr/sbin/clamd';
  log('clamd is missing and could not be installed: the antivirus tests will be skipped');
  return '';
}

/**
 * ffmpeg (posters, 240p renditions, audio tracks) and pdftoppm (PDF thumbnails) for the media
 * tests; the API runs without them too, marking those files unavailable.
 */
export function ensureMediaTools() {
  const missing = [];
  if (!commandExists('ffmpeg') || !commandExists('ffprobe')) missing.push('ffmpeg');
  if (!commandExists('pdftoppm')) missing.push('poppler-utils');
  if (missing.length === 0) return true;
  log(`Installing Debian ${missing.join(' and ')} for the media tests`);
  aptInstall(missing.join(' '));
  if (commandExists('ffmpeg') && commandExists('ffprobe')) return true;
  throw new Error('ffmpeg is missing. Install Debian’s ffmpeg (apt-get install ffmpeg) for the media tests.');
}
