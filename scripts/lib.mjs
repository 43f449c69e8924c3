// Helpers shared by start.mjs and test.mjs: run commands, find pnpm, probe services.
import { spawnSync, execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import net from 'node:net';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export function log(message) {
  console.log(`\x1b[36m▸ ${message}\x1b[0m`);
}

export function run(command, options = {}) {
  log(command);
  const result = spawnSync(command, { shell: true, stdio: 'inherit', cwd: root, ...options });
  if (result.status !== 0) {
    console.error(`✗ "${command}" failed (exit ${result.status})`);
    process.exit(result.status ?? 1);
  }
}

export function commandExists(name) {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}

/** pnpm 10, installed through npm when missing (corepack's signature check fails offline). */
export function ensurePnpm() {
  if (commandExists('pnpm')) return 'pnpm';
  log('pnpm is missing: installing pnpm@10 with npm');
  const global = spawnSync('npm', ['install', '--global', 'pnpm@10'], { stdio: 'inherit' });
  if (global.status === 0 && commandExists('pnpm')) return 'pnpm';
  return 'npx --yes pnpm@10';
}

/** Installs dependencies (quick when nothing changed) and builds every package. */
export function installAndBuild(pnpm) {
  run(`${pnpm} install --frozen-lockfile`);
  run(`${pnpm} run build`);
}

export function portOpen(port, host = '127.0.0.1', timeoutMs = 1000) {
  return new Promise((resolvePromise) => {
    const socket = net.connect({ port, host });
    const done = (open) => {
      socket.destroy();
      resolvePromise(open);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

export function tryShell(command) {
  try {
    execSync(command, { stdio: 'inherit', shell: '/bin/bash' });
    return true;
  } catch {
    return false;
  }
}

export { existsSync };
