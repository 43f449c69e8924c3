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

describe('data ownership', () => {
  // Which schema files (prisma/schema/<area>.prisma) hold each module's own models.
  const OWN_AREAS: Record<string, string[]> = {
    accounts: ['accounts'],
    auth: ['accounts', 'single-sign-on'],
    'two-factor': ['accounts'],
    'password-reset': ['accounts'],
    profile: ['accounts'],
    'volunteer-accounts': ['accounts'],
    oidc: ['single-sign-on', 'accounts'],
    organisations: ['organisations'],
    invitations: ['organisations'],
    'platform-admin': ['organisations'],
    courses: ['courses'],
    learning: ['courses'],
    'course-progress': ['courses'],
    meetings: ['meetings'],
    collaboration: ['collaboration'],
    notifications: ['collaboration'],
    certificates: ['certificates'],
    channels: ['channels'],
    accreditation: ['accreditation'],
    materials: ['materials'],
    'personal-data': ['personal-data'],
    'audit-log': ['audit'],
    'jobs-admin': ['jobs'],
    reports: ['reports'],
    health: [],
  };
  // Who is who — people, networks, organisations and memberships — is read everywhere a name or a
  // role is shown or checked (joins in the same query); only accounts and organisations write it.
  const DIRECTORY = new Set(['User', 'Network', 'Organisation', 'OrganisationMembership', 'NetworkMembership']);
  // Reads of another module's models that stay, each with its reason. The list only shrinks.
  const ALLOWED: Record<string, string[]> = {
    // A certificate rule names courses or a learning path of its network; checked when the rule is saved.
    'modules/certificates/certificate-types.repository.ts': ['Course', 'LearningPath'],
    // The catalogue filters by library topic in the same query as the courses.
    'modules/learning/catalogue.repository.ts': ['MaterialTopic'],
    // What a completion earns is read in the completing transaction, so its jobs commit with it.
    'modules/learning/completion.repository.ts': ['Certificate', 'CertificateType', 'CertificateTypeRule'],
    // "This course leads to" and the certificate already held, for many courses in one query (query budget).
    'modules/learning/learning.repository.ts': ['Certificate', 'CertificateTypeRule'],
    // Network reports add up every module's activity in grouped SQL, read only, in a few queries
    // over the whole network (a lookup per module would be a query per module per breakdown).
    'modules/reports/dashboard/dashboard.repository.ts': [
      'Course', 'CourseEnrolment', 'CourseLesson', 'LessonProgress', 'Certificate', 'Meeting', 'MeetingAttendance',
      'MeetingRegistration', 'AccreditationAssessment', 'Material', 'MaterialTopic',
    ],
    'modules/reports/dashboard/target-progress.repository.ts': ['CourseEnrolment', 'Certificate', 'Meeting', 'AccreditationAssessment'],
    // Phone codes for a password reset share the channels' code table and its rate limits.
    'modules/password-reset/phone-codes.repository.ts': ['PhoneCode'],
  };
  // The personal-data export and erasure read (and erase) a person's rows in every module by design.
  const EVERYWHERE = new Set(['personal-data']);

  const SCHEMA = join(SRC, '..', '..', '..', 'prisma', 'schema');
  const areaOf = new Map<string, string>();
  for (const file of readdirSync(SCHEMA).filter((f) => f.endsWith('.prisma'))) {
    for (const m of readFileSync(join(SCHEMA, file), 'utf8').matchAll(/^model (\w+)/gm)) areaOf.set(m[1]!, file.replace(/\.prisma$/, ''));
  }
  const byAccessor = new Map([...areaOf.keys()].map((model) => [model[0]!.toLowerCase() + model.slice(1), model]));
  const CALL = /\.\s*([a-z]\w*)\s*\.\s*(?:findMany|findUnique|findFirst|findUniqueOrThrow|findFirstOrThrow|create|createMany|createManyAndReturn|update|updateMany|upsert|delete|deleteMany|count|aggregate|groupBy)\b/g;

  /** Models a file names: Prisma delegates (`tx.course.findMany`) and quoted tables in raw SQL (`"Course"`). */
  function modelsNamed(text: string): Set<string> {
    const named = new Set<string>();
    for (const m of text.matchAll(CALL)) if (byAccessor.has(m[1]!)) named.add(byAccessor.get(m[1]!)!);
    for (const m of text.matchAll(/"([A-Z]\w+)"/g)) if (areaOf.has(m[1]!)) named.add(m[1]!);
    return named;
  }

  it('the scan finds models by delegate and by table name', () => {
    expect([...modelsNamed('await tx.courseLesson.update({}); SELECT 1 FROM "MaterialTopic" t')].sort()).toEqual(['CourseLesson', 'MaterialTopic']);
  });

  it("a repository names only its own module's Prisma models (the directory and a commented allow-list aside)", () => {
    const repositories = sourceFiles().filter((f) => /^modules\/[^/]+\/.*\.repository\.ts$/.test(rel(f)));
    expect(repositories.length).toBeGreaterThan(30);
    const foreign = repositories.flatMap((file) => {
      const module = rel(file).split('/')[1]!;
      if (EVERYWHERE.has(module)) return [];
      const own = OWN_AREAS[module];
      if (!own) return [`${rel(file)}: module ${module} has no entry in OWN_AREAS`];
      const allowed = new Set(ALLOWED[rel(file)] ?? []);
      return [...modelsNamed(readFileSync(file, 'utf8'))]
        .filter((model) => !own.includes(areaOf.get(model)!) && !DIRECTORY.has(model) && !allowed.has(model))
        .map((model) => `${rel(file)} names ${model} (${areaOf.get(model)})`);
    });
    expect(foreign).toEqual([]);
  });
});

