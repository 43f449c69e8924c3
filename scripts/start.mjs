// `npm start`: installs what is missing, builds, and serves Tadamon on http://localhost:3000.
// Without DATABASE_URL it runs an embedded PostgreSQL under .data/ and seeds the demo network
// once; without REDIS_URL background jobs run inside the API process.
import { spawn } from 'node:child_process';
import { ensurePnpm, installAndBuild, log, root } from './lib.mjs';

const pnpm = ensurePnpm();
installAndBuild(pnpm);

const env = { ...process.env, SEED_DEMO: process.env.SEED_DEMO ?? 'true' };
log('Starting Tadamon (Ctrl+C to stop)');
const api = spawn(process.execPath, ['apps/api/dist/main.js'], { cwd: root, env, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => api.kill(signal));
api.on('exit', (code) => process.exit(code ?? 0));
