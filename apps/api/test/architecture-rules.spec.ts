import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * Rules of the code's shape that a reviewer would otherwise have to remember, checked on the
 * source text (docs/ARCHITECTURE.md, "Module map and dependency rules").
 */
const SRC = join(dirname(fileURLToPath(import.meta.url)), '..', 'src');

function sourceFiles(dir = SRC): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'generated' ? [] : sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

const rel = (path: string) => relative(SRC, path).split(sep).join('/');

/** `file:line: text` for each line of the files matching `pattern`. */
function hits(files: string[], pattern: RegExp): string[] {
  return files.flatMap((file) =>
    readFileSync(file, 'utf8')
      .split('\n')
      .flatMap((line, i) => (pattern.test(line) ? [`${rel(file)}:${i + 1}: ${line.trim()}`] : [])),
  );
}

describe('role names', () => {
  // A role name in quotes ('ORG_LEADER') or as an enum member (Role.COORDINATOR).
  const ROLE_NAME = /['"`](VOLUNTEER|ORG_LEADER|COORDINATOR|PLATFORM_ADMIN)['"`]|\bRole\.(VOLUNTEER|ORG_LEADER|COORDINATOR|PLATFORM_ADMIN)\b/;
  // The one place the API names roles; the demo seed writes people with their roles (data, not checks).
  const ALLOWED = (path: string) => path === 'common/auth/roles.ts' || path.startsWith('seed/');

  it('are written only in common/auth/roles.ts: everything else asks the permission map', () => {
    const files = sourceFiles();
    expect(hits(files.filter((f) => rel(f) === 'common/auth/roles.ts'), ROLE_NAME).length).toBeGreaterThan(0);
    expect(hits(files.filter((f) => !ALLOWED(rel(f))), ROLE_NAME)).toEqual([]);
  });
});

describe('module boundaries', () => {
  // `modules/<feature>/…` importing `../<other>/….repository.js` (any depth).
  const moduleOf = (path: string) => /^modules\/([^/]+)\//.exec(rel(path))?.[1];

  it("a module never imports another module's repository: it asks that module's exported lookup", () => {
    const offending = sourceFiles().flatMap((file) => {
      const own = moduleOf(file);
      if (!own) return [];
      const text = readFileSync(file, 'utf8');
      return [...text.matchAll(/from '(\.\.?\/[^']+\.repository\.js)'/g)]
        .map((m) => join(dirname(file), m[1]!))
        .filter((target) => {
          const other = moduleOf(target);
          return other !== undefined && other !== own;
        })
        .map((target) => `${rel(file)} imports ${rel(target)}`);
    });
    expect(offending).toEqual([]);
  });
});

describe('repositories', () => {
  const servicesOf = (modules: string[]) =>
    sourceFiles().filter((f) => modules.some((m) => rel(f).startsWith(`modules/${m}/`)) && rel(f).endsWith('.service.ts'));
  const THREE = ['courses', 'learning', 'course-progress'];

  it('no service holds Prisma: it asks its repository', () => {
    const files = sourceFiles().filter((f) => rel(f).startsWith('modules/') && rel(f).endsWith('.service.ts'));
    expect(files.length).toBeGreaterThan(40);
    expect(hits(files, /PrismaService|this\.prisma\b|\.prisma\.|\bprisma\.\$/)).toEqual([]);
  });

  // Services that still write Prisma calls on a transaction their repository opened (`tx.course.update`).
  // The list only shrinks: a file cleaned up must leave it, a new file must not join it.
  const STILL_QUERY_IN_TRANSACTION = [
    'modules/courses/course-content.service.ts',
    'modules/courses/course-prerequisites.service.ts',
    'modules/courses/courses.service.ts',
    'modules/courses/learning-paths.service.ts',
    'modules/learning/completion.service.ts',
  ];

  it('courses, learning and course-progress keep queries on a transaction in the repository too (a known, shrinking list excepted)', () => {
    const querying = [...new Set(hits(servicesOf(THREE), /\btx\.\$?[a-z]\w*[.(]/).map((hit) => hit.split(':')[0]!))].sort();
    expect(querying).toEqual(STILL_QUERY_IN_TRANSACTION);
  });
});
