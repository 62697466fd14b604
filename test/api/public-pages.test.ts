import { existsSync, readFileSync } from 'node:fs';
import { get as httpGet } from 'node:http';
import path from 'node:path';
import { Writable } from 'node:stream';
import { brotliCompressSync, brotliDecompressSync, constants } from 'node:zlib';
import pino from 'pino';
import { startPortal, type RunningPortal } from '../support/start-portal';
import { makeCourse, makeOrganisation, makePartnership, makeSession, makeVenue } from '../support/catalogue-fixtures';

/**
 * What a search engine and a first-time browser get before any script runs: robots.txt, a
 * sitemap of the public sessions, each page's title and description in the HTML, schema.org data
 * on a public session's page (escaped so no course title can end its script block), compressed
 * answers and hashed assets cached for good.
 */
let portal: RunningPortal;
const clientDist = path.resolve(__dirname, '..', '..', 'client', 'dist');
const requests: Array<{ path: string; sqlStatements?: number }> = [];
let slug: string;
let otherSlug: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
  if (!existsSync(path.join(clientDist, 'routes.json'))) throw new Error('build the client first (npm run build)');
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) {
        const entry = JSON.parse(line) as { msg: string; path: string; sqlStatements?: number };
        if (entry.msg === 'request') requests.push(entry);
      }
      done();
    },
  });
  portal = await startPortal({ template: 'empty', config: { clientDist, publicUrl: 'https://learning.example.org' },
    log: pino({ level: 'info' }, sink) });
  const db = portal.dataSource;
  const partnership = await makePartnership(db);
  slug = partnership.slug;
  const provider = await makeOrganisation(db, partnership.id, { name: 'Peterborough City Council' });
  const venue = await makeVenue(db, partnership.id, { town: 'Peterborough', latitude: 52.57, longitude: -0.24 });
  const publicCourse = await makeCourse(db, partnership.id, provider, {
    title: 'Safeguarding adults </script><script>alert(1)</script>', summary: 'Recognise & report abuse. "Level 2".',
    costPence: 0,
  });
  const hidden = await makeCourse(db, partnership.id, provider, { title: 'Partnership only course', visibility: 'partnership' });
  ids.upcoming = await makeSession(db, partnership.id, publicCourse, { startsInDays: 10, venueId: venue });
  ids.online = await makeSession(db, partnership.id, publicCourse, { startsInDays: 12 });
  ids.past = await makeSession(db, partnership.id, publicCourse, { startsInDays: -3, venueId: venue });
  ids.cancelled = await makeSession(db, partnership.id, publicCourse, { startsInDays: 11, status: 'cancelled' });
  ids.hidden = await makeSession(db, partnership.id, hidden, { startsInDays: 10 });
  const other = await makePartnership(db);
  otherSlug = other.slug;
}, 60_000);

afterAll(async () => {
  await portal?.stop();
});

async function get(address: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${portal.url}${address}`, { headers });
  return { status: response.status, headers: response.headers, body: await response.text() };
}

interface CourseData {
  hasCourseInstance: Array<{ startDate: string } & Record<string, unknown>>;
  [key: string]: unknown;
}

function jsonLdOf(html: string): CourseData[] {
  return [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1]) as CourseData);
}

describe('robots.txt and the sitemap', () => {
  it('answers robots.txt as text that points to the sitemap, not with the app', async () => {
    const response = await get('/robots.txt');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(response.body).toMatch(/^User-agent: \*$/m);
    expect(response.body).toMatch(/^Disallow: \/graphql$/m);
    expect(response.body).toContain('Sitemap: https://learning.example.org/sitemap.xml');
    expect(response.body).not.toContain('<div id="root">');
  });

  it('lists every partnership and only its upcoming sessions of public courses, in one statement', async () => {
    const response = await get('/sitemap.xml');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/xml/);
    const locs = [...response.body.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
    const base = `https://learning.example.org/p/${slug}`;
    expect(locs).toEqual(expect.arrayContaining([base, `${base}/find-training`,
      `${base}/sessions/${ids.upcoming}`, `${base}/sessions/${ids.online}`,
      `https://learning.example.org/p/${otherSlug}`, `https://learning.example.org/p/${otherSlug}/find-training`]));
    for (const hidden of [ids.past, ids.cancelled, ids.hidden]) expect(response.body).not.toContain(hidden);
    expect(locs).toHaveLength(6);
    await waitForRequestLog('/sitemap.xml');
    expect(requests.find((r) => r.path === '/sitemap.xml')!.sqlStatements).toBe(1);
  });
});

async function waitForRequestLog(address: string) {
  for (let i = 0; i < 50 && !requests.some((r) => r.path === address); i++) await new Promise((r) => setTimeout(r, 20));
}

describe('each page describes itself in the HTML the server sends', () => {
  it('gives a public session page its title, description and a schema.org Course that no title can break out of', async () => {
    const address = `/p/${slug}/sessions/${ids.upcoming}`;
    const response = await get(address);
    expect(response.status).toBe(200);
    expect(response.body).toContain(`<title>Safeguarding adults &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; – Partnership ${slug} – Partnership Portal</title>`);
    const description = /<meta name="description" content="([^"]*)"/.exec(response.body)?.[1];
    expect(description).toMatch(/, in Peterborough, by Peterborough City Council\. Recognise &amp; report abuse\. &quot;Level 2&quot;\./);
    expect(response.body.match(/<meta name="description"/g)).toHaveLength(1);
    // The only </script> after the data block's start is its own end.
    const block = response.body.slice(response.body.indexOf('application/ld+json'));
    expect(block.indexOf('</script>')).toBe(block.indexOf('}</script>') + 1);
    expect(response.body).not.toContain('<script>alert(1)');
    const [data] = jsonLdOf(response.body);
    expect(data).toMatchObject({
      '@context': 'https://schema.org', '@type': 'Course', name: 'Safeguarding adults </script><script>alert(1)</script>',
      description: 'Recognise & report abuse. "Level 2".', provider: { '@type': 'Organization', name: 'Peterborough City Council' },
      offers: { price: '0.00', priceCurrency: 'GBP', category: 'Free' },
    });
    expect(data.hasCourseInstance).toEqual([expect.objectContaining({
      '@type': 'CourseInstance', courseMode: 'onsite',
      location: expect.objectContaining({ '@type': 'Place', address: expect.objectContaining({ addressLocality: 'Peterborough' }) }),
    })]);
    expect(new Date(data.hasCourseInstance[0].startDate).getTime()).toBeGreaterThan(Date.now());
    await waitForRequestLog(address);
    expect(requests.find((r) => r.path === address)!.sqlStatements).toBe(1);
  });

  it('marks an online session as online', async () => {
    const [data] = jsonLdOf((await get(`/p/${slug}/sessions/${ids.online}`)).body);
    expect(data.hasCourseInstance[0]).toMatchObject({ courseMode: 'online', location: { '@type': 'VirtualLocation' } });
  });

  it('says nothing of a course that is not public, nor gives a cancelled session schema.org data', async () => {
    const hidden = await get(`/p/${slug}/sessions/${ids.hidden}`);
    expect(hidden.body).not.toContain('Partnership only course');
    expect(jsonLdOf(hidden.body)).toEqual([]);
    expect(jsonLdOf((await get(`/p/${slug}/sessions/${ids.cancelled}`)).body)).toEqual([]);
    expect(jsonLdOf((await get(`/p/${otherSlug}/sessions/${ids.upcoming}`)).body)).toEqual([]);
  });

  it('titles and describes the start page and Find training with the partnership', async () => {
    const start = await get(`/p/${slug}`);
    expect(start.body).toContain(`<title>Partnership ${slug} – Partnership Portal</title>`);
    expect(start.body).toMatch(/<meta name="description" content="Partnership [^"]+ joint learning and development/);
    const find = await get(`/p/${slug}/find-training`);
    expect(find.body).toContain(`<title>Find training – Partnership ${slug} – Partnership Portal</title>`);
    expect(find.body).toMatch(/<meta name="description" content="Search the courses open to people who work or volunteer across Partnership /);
    expect(find.body).toContain(`<link rel="canonical" href="https://learning.example.org/p/${slug}/find-training" />`);
  });

  it('gives every other page the portal\'s description', async () => {
    const signIn = await get('/sign-in');
    expect(signIn.body).toMatch(/<meta name="description" content="Find and book learning and development/);
  });
});

interface FirstScreenData {
  partnership: { id: string; name: string; slug: string };
  signedOut: boolean;
  session?: { id: string; title: string; summary: string; providerName: string };
}

function firstScreenOf(html: string): { root: string; data: FirstScreenData } {
  const root = /<div id="root">([\s\S]*?)<\/div>\s*<script type="application\/json" id="first-screen-data">/.exec(html)?.[1] ?? '';
  const json = /<script type="application\/json" id="first-screen-data">([\s\S]*?)<\/script>/.exec(html)?.[1];
  return { root, data: JSON.parse(json ?? 'null') as FirstScreenData };
}

describe('the first screen is in the HTML, before any script runs', () => {
  it('draws Find training\'s header, heading and lead paragraph, with the partnership the client then reads from its cache', async () => {
    const response = await get(`/p/${slug}/find-training?q=first+aid`);
    expect(response.headers.get('vary')).toMatch(/cookie/i);
    const { root, data } = firstScreenOf(response.body);
    expect(root).toContain(`<span class="portal-header__name">Partnership ${slug}</span>`);
    expect(root).toContain('<h1>Find training</h1>');
    expect(root).toContain(`<p class="nhsuk-body-l">Courses open to people who work or volunteer across Partnership ${slug}.</p>`);
    expect(root).toContain(`href="/sign-in?next=${encodeURIComponent(`/p/${slug}/find-training?q=first+aid`)}">Sign in</a>`);
    const [partnership] = await portal.dataSource.query('SELECT id, name, slug FROM partnership WHERE slug = $1', [slug]);
    expect(data).toEqual({ partnership, signedOut: true });
  });

  it('says whether someone may be signed in: with a session cookie the client asks, and no "Sign in" is drawn', async () => {
    const response = await get(`/p/${slug}/find-training`, { cookie: 'portal_session=not-checked-here' });
    const { root, data } = firstScreenOf(response.body);
    expect(data.signedOut).toBe(false);
    expect(root).toContain('<h1>Find training</h1>');
    expect(root).not.toContain('Sign in');
  });

  it('draws the start page\'s heading and lead paragraph', async () => {
    const { root } = firstScreenOf((await get(`/p/${slug}`)).body);
    expect(root).toContain('<h1>Training for health and social care</h1>');
    expect(root).toMatch(new RegExp(`<p class="nhsuk-body-l">Find and book courses shared by [^<]+ providers of Partnership ${slug}\\. Many are free`));
  });

  it('draws a public session\'s provider, title and summary, escaped, in a data block no title can break out of', async () => {
    const address = `/p/${slug}/sessions/${ids.upcoming}`;
    const response = await get(address);
    const { root, data } = firstScreenOf(response.body);
    expect(root).toContain('<span class="nhsuk-caption-l">Peterborough City Council</span>');
    expect(root).toContain('<h1>Safeguarding adults &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;</h1>');
    expect(root).toContain('<p class="nhsuk-body-l">Recognise &amp; report abuse. &quot;Level 2&quot;.</p>');
    const block = response.body.slice(response.body.indexOf('id="first-screen-data"'));
    expect(block.indexOf('</script>')).toBe(block.indexOf('}</script>') + 1);
    expect(data.session).toEqual({ id: ids.upcoming, title: 'Safeguarding adults </script><script>alert(1)</script>',
      summary: 'Recognise & report abuse. "Level 2".', providerName: 'Peterborough City Council' });
  });

  it('draws nothing for a page that is not public or not found', async () => {
    for (const address of [`/p/${slug}/sessions/${ids.hidden}`, '/sign-in', '/p/no-such-partnership/find-training', '/no/such/page']) {
      const response = await get(address);
      expect(response.body).toContain('<div id="root"></div>');
      expect(response.body).not.toContain('first-screen-data');
    }
  });
});

/** The bytes as sent (fetch would decompress them). */
function raw(address: string, acceptEncoding: string): Promise<{ headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    httpGet(`${portal.url}${address}`, { headers: { 'accept-encoding': acceptEncoding } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ headers: response.headers, body: Buffer.concat(chunks) }));
      response.on('error', reject);
    }).on('error', reject);
  });
}

describe('compressed and cached assets', () => {
  it('sends the client compressed with brotli, hashed files cached for a year and index.html always checked', async () => {
    const page = await raw(`/p/${slug}/find-training`, 'br, gzip');
    expect(page.headers['content-encoding']).toBe('br');
    expect(page.headers['cache-control']).toBe('no-cache');
    const html = brotliDecompressSync(page.body).toString();
    const script = /<script type="module" crossorigin[^>]* src="(\/assets\/[^"]+\.js)"/.exec(html)![1];
    const style = /<link rel="stylesheet" crossorigin href="(\/assets\/[^"]+\.css)"/.exec(html)![1];
    // The page's entry is a few kB that imports the app after the first paint: the app is the big one.
    const entry = brotliDecompressSync((await raw(script, 'br')).body).toString();
    const app = `/${/"(assets\/main-[^"]+\.js)"/.exec(entry)![1]}`;
    for (const asset of [script, app, style]) {
      const response = await raw(asset, 'br, gzip');
      expect(response.headers['content-encoding']).toBe('br');
      expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      if (asset !== script) expect(response.body.length).toBeLessThan(brotliDecompressSync(response.body).length / 3);
    }
    expect((await raw(script, 'gzip')).headers['content-encoding']).toBe('gzip');
  });

  it('sends the scripts and styles the build compressed at brotli 11, the same bytes as the file on disk', async () => {
    const html = brotliDecompressSync((await raw(`/p/${slug}/find-training`, 'br')).body).toString();
    const script = /<script type="module" crossorigin[^>]* src="(\/assets\/[^"]+\.js)"/.exec(html)![1];
    const style = /<link rel="stylesheet" crossorigin href="(\/assets\/[^"]+\.css)"/.exec(html)![1];
    // The page's entry is a few kB that imports the app after the first paint: the app is the big one.
    const entry = brotliDecompressSync((await raw(script, 'br')).body).toString();
    const app = `/${/"(assets\/main-[^"]+\.js)"/.exec(entry)![1]}`;
    for (const asset of [script, app, style]) {
      const response = await raw(asset, 'gzip, deflate, br');
      expect(response.headers['content-encoding']).toBe('br');
      expect(response.headers.vary).toMatch(/Accept-Encoding/i);
      expect(response.headers['content-type']).toMatch(asset.endsWith('.js') ? /javascript/ : /text\/css/);
      const onDisk = readFileSync(path.join(clientDist, `${asset}.br`));
      expect(response.body.equals(onDisk)).toBe(true);
      expect(brotliDecompressSync(response.body).equals(readFileSync(path.join(clientDist, asset)))).toBe(true);
      // Quality 11 is smaller than what the server would make on the fly (quality 5).
      const onTheFly = brotliCompressSync(brotliDecompressSync(response.body), { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } });
      expect(response.body.length).toBeLessThan(onTheFly.length);
    }
  });

  it('keeps files that are not hashed fresh', async () => {
    expect((await get('/routes.json')).headers.get('cache-control')).toBe('no-cache');
  });
});
