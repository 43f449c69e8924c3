// Serves dist/, opens the sign-in page in Chromium with the API answering "signed out",
// and reports the JavaScript the first route downloads (gzip) plus screenshots per language.
// Usage: node bench/first-route-size.mjs [outDir]   (after `pnpm build`; run from the repo root)
import { createServer } from 'node:http';
import { readFile, mkdir } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import { createRequire } from 'node:module';
// playwright-core is a dependency of the e2e package; resolve it from there.
const { chromium } = createRequire(new URL('../e2e/package.json', import.meta.url))('playwright-core');

const dist = new URL('../apps/web/dist/', import.meta.url).pathname;
const outDir = process.argv[2] ?? new URL('../e2e/artifacts/', import.meta.url).pathname;
const types = { '.js': 'text/javascript', '.css': 'text/css', '.html': 'text/html', '.svg': 'image/svg+xml' };

const server = createServer(async (req, res) => {
  const url = new URL(req.url, 'http://x');
  if (url.pathname.startsWith('/api/')) {
    const body = url.pathname === '/api/auth/csrf' ? { csrfToken: 'x' } : { code: 'UNAUTHENTICATED', message: 'no', requestId: 'r' };
    res.writeHead(url.pathname === '/api/auth/csrf' ? 200 : 401, { 'content-type': 'application/json' });
    return res.end(JSON.stringify(body));
  }
  const path = normalize(join(dist, url.pathname));
  const file = path.startsWith(dist) && extname(path) ? path : join(dist, 'index.html');
  try {
    const data = await readFile(file);
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
    res.end(data);
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
await mkdir(outDir, { recursive: true });
try {
  for (const language of ['en', 'ar']) {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: language });
    const page = await context.newPage();
    const scripts = new Set();
    const styles = new Set();
    page.on('request', (r) => {
      const p = new URL(r.url()).pathname;
      if (p.endsWith('.js')) scripts.add(p);
      if (p.endsWith('.css')) styles.add(p);
    });
    // Idle work (the validation-schema prefetch, the next screens fetched while the person
    // types) waits 2 s here, so that what the page needs
    // to show and what it fetches afterwards can be told apart.
    await page.addInitScript(() => {
      window.requestIdleCallback = (callback) => setTimeout(callback, 2000);
    });
    await page.addInitScript((lng) => localStorage.setItem('tadamon.language', lng), language);
    await page.goto(`${base}/sign-in`);
    await page.getByRole('button', { name: language === 'ar' ? 'تسجيل الدخول' : 'Sign in' }).waitFor();
    const beforeForm = new Set(scripts);
    const stylesBeforeForm = new Set(styles);
    if (process.env.VERBOSE) console.log('CSS before the form:', [...stylesBeforeForm].join(' '));
    await page.waitForTimeout(3000);
    await page.waitForLoadState('networkidle');
    const afterForm = new Set([...scripts].filter((p) => !beforeForm.has(p)));
    const size = async (set) => {
      let raw = 0;
      let gz = 0;
      for (const p of set) {
        const data = await readFile(join(dist, p));
        raw += data.length;
        gz += gzipSync(data, { level: 9 }).length;
      }
      return { files: set.size, raw: (raw / 1024).toFixed(1) + ' kB', gzip: (gz / 1024).toFixed(1) + ' kB' };
    };
    const js = await size(beforeForm);
    const css = await size(stylesBeforeForm);
    console.log(
      language,
      'dir=' + (await page.evaluate(() => document.documentElement.dir)),
      '\n  JS and CSS until the form shows, together:', (parseFloat(js.gzip) + parseFloat(css.gzip)).toFixed(1), 'kB gzip (goal ≤ 170, stretch 150)',
      '\n  JS until the form shows:', js,
      '\n  JS fetched after (validation schema, messages, the next screens):', await size(afterForm),
      '\n  CSS until the form shows:', css,
      '\n  CSS fetched after (the next screens\' styles):', await size(new Set([...styles].filter((p) => !stylesBeforeForm.has(p)))),
    );
    if (process.env.VERBOSE) console.log([...beforeForm].join('\n'), '\n-- after --\n', [...afterForm].join('\n'));
    await page.screenshot({ path: join(outDir, `sign-in-${language}.png`), fullPage: true });
    await context.close();
  }
} finally {
  await browser.close();
  server.close();
}
