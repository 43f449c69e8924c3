import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const webSource = fileURLToPath(new URL('../apps/web/src/', import.meta.url));

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx$/.test(entry.name) && !/\.spec\.tsx$/.test(entry.name) ? [path] : [];
  });
}

/**
 * Every path the SPA's router declares (`<Route path="…">` in any screen file), read from the
 * source so that a route added anywhere — the admin area included — is seen by the journeys
 * that must cover every route, and fails them until it is listed there. Index routes are "/".
 */
export function declaredRoutePaths(): string[] {
  const paths = new Set<string>();
  for (const file of sourceFiles(webSource)) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/<Route\b([^>]*)>/g)) {
      const attributes = match[1]!;
      const path = /\bpath=["'{`]+([^"'`}]+)["'`}]+/.exec(attributes)?.[1];
      if (path) paths.add(path);
      else if (/\bindex\b/.test(attributes)) paths.add('/');
    }
  }
  return [...paths].sort();
}
