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
  const services = () => sourceFiles().filter((f) => rel(f).startsWith('modules/') && rel(f).endsWith('.service.ts'));

  it('no service holds Prisma: it asks its repository', () => {
    const files = services();
    expect(files.length).toBeGreaterThan(40);
    expect(hits(files, /PrismaService|this\.prisma\b|\.prisma\.|\bprisma\.\$/)).toEqual([]);
  });

  // A query on a transaction client (`tx.course.update(…)`, `db.$queryRaw…`, `tx.$executeRaw…`).
  const QUERY_ON_TRANSACTION = /\b(tx|db)\.\$?[a-z]\w*[.(`]/;
  // A Prisma transaction client as a type (`Prisma.TransactionClient`, a repository's `Tx` alias)
  // or a transaction opened by hand.
  const TRANSACTION_CLIENT = /TransactionClient|\bTx\b|\$transaction\b/;

  it('the scan recognises what it forbids', () => {
    expect(QUERY_ON_TRANSACTION.test('await tx.courseModule.update({ where: { id } })')).toBe(true);
    expect(QUERY_ON_TRANSACTION.test('const rows = await db.$queryRaw`SELECT 1`')).toBe(true);
    expect(QUERY_ON_TRANSACTION.test("await this.jobs.enqueue('x', {}, { jobId, tx })")).toBe(false);
    expect(TRANSACTION_CLIENT.test('change: (tx: Tx, course: CourseWithRefs) => Promise<void>')).toBe(true);
    expect(TRANSACTION_CLIENT.test('async schedule(db: Prisma.TransactionClient)')).toBe(true);
    expect(TRANSACTION_CLIENT.test('async afterCompletion(enrolmentId: string, tx: JobTx)')).toBe(false);
  });

  // A change and everything it causes commit together: the repository opens the transaction and
  // runs the whole unit (a method taking the work, or an object of writes bound to it, such as
  // courses' CourseWrites). What a service may still receive is the outbox handle (`JobTx`, in
  // an AlsoInTransaction callback) to hand on, unopened, to a job queue or another module's
  // writer, so that the jobs and notices the change causes commit with it.
  it('no service queries on a transaction or takes a Prisma transaction client: the repository runs the unit', () => {
    expect(hits(services(), QUERY_ON_TRANSACTION)).toEqual([]);
    expect(hits(services(), TRANSACTION_CLIENT)).toEqual([]);
  });
});
