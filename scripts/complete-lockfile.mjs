// The npm registry this project is developed against serves only the Linux builds of
// packages that ship one native binary per platform (swc, turbo, unrs-resolver). `npm install`
// then leaves the other platforms' optional packages out of package-lock.json, and `npm ci`
// refuses a lock file that lacks them. This adds each missing optional platform package
// as an entry marked for its own os/cpu, so npm ci skips it here and fetches it elsewhere.
// Run after `npm install`: `node scripts/complete-lockfile.mjs`.
import { readFileSync, writeFileSync } from 'node:fs';

const lockPath = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(lockPath, 'utf8'));
const packages = lock.packages;

const OS = [['darwin', 'darwin'], ['win32', 'win32'], ['windows', 'win32'], ['freebsd', 'freebsd'],
  ['android', 'android'], ['openharmony', 'openharmony'], ['linux', 'linux']];
const CPU = [['arm64', 'arm64'], ['aarch64', 'arm64'], ['x64', 'x64'], ['-64', 'x64'], ['ia32', 'ia32'],
  ['arm', 'arm'], ['ppc64', 'ppc64'], ['s390x', 's390x'], ['riscv64', 'riscv64'], ['loong64', 'loong64']];

function platformOf(name) {
  const base = name.split('/').pop();
  const os = OS.find(([key]) => base.includes(key))?.[1];
  const cpu = CPU.find(([key]) => base.includes(key))?.[1];
  return os && cpu ? { os, cpu } : null;
}

let added = 0;
for (const [path, entry] of Object.entries(packages)) {
  for (const [dep, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const key = `node_modules/${dep}`;
    const nested = `${path ? `${path}/` : ''}node_modules/${dep}`;
    if (packages[key] || packages[nested]) continue;
    const platform = platformOf(dep);
    if (!platform) continue;
    packages[key] = { version, dev: entry.dev, optional: true, os: [platform.os], cpu: [platform.cpu] };
    if (!entry.dev) delete packages[key].dev;
    added += 1;
  }
}
lock.packages = Object.fromEntries(Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))));
writeFileSync(lockPath, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`complete-lockfile: added ${added} optional platform entries`);
