import { pino } from 'pino';
import { loadConfig } from '../common/config/config.js';
import { seedDemoIfEmpty } from './seed-demo.js';
import { atRestSecret } from '../common/crypto/secret-encryption.js';
import { seedDemoLibrary } from './seed-library.js';
import { seedWelcomeCourse } from './seed-welcome-course.js';

/** `pnpm db:seed`: seeds the demo network into DATABASE_URL if it has none. */
const config = loadConfig();
if (!config.DATABASE_URL) {
  console.error('DATABASE_URL: required to seed (npm start seeds the embedded database itself).');
  process.exit(1);
}
const seeded = await seedDemoIfEmpty(config.DATABASE_URL, pino(), atRestSecret(config));
await seedWelcomeCourse(config.DATABASE_URL, config.DATA_DIR, pino(), config.FFMPEG_PATH);
await seedDemoLibrary(config.DATABASE_URL, config.DATA_DIR, pino());
console.log(seeded ? 'Demo data created.' : 'The database already has data; nothing changed.');
