// `npm test`: installs and builds, type-checks and lints, makes sure PostgreSQL, Redis, Chromium
// and clamd are there, then runs every test: unit and integration (Vitest projects) and the browser journeys.
import { ensurePnpm, installAndBuild, log, run, root } from './lib.mjs';
import { ensureChromium, ensureClamd, ensureMediaTools, ensurePostgres, ensureRedis } from './test-services.mjs';

const pnpm = ensurePnpm();
installAndBuild(pnpm);

// Before any service starts: a type or layer error fails in a minute, not after the suites.
log('Type check and lint');
run(`${pnpm} run typecheck`, { cwd: root });
run(`${pnpm} run lint`, { cwd: root });

const env = { ...process.env };
env.TEST_DATABASE_URL ??= await ensurePostgres();
env.TEST_REDIS_URL ??= await ensureRedis();
env.CHROMIUM_PATH ??= ensureChromium();
env.CLAMD_PATH ??= ensureClamd();
ensureMediaTools();

log('Unit and integration tests');
run(`${pnpm} exec vitest run`, { env, cwd: root });
log('Browser journeys');
run(`${pnpm} exec vitest run --config e2e/vitest.config.ts`, { env, cwd: root });
