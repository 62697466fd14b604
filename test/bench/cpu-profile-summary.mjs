// Reads a V8 CPU profile (`node --cpu-prof`, e.g. BENCH_CPU_PROF=folder npm run bench) and prints
// where the self time went: by package (node_modules/<name>, our own code, node internals, GC)
// and the top functions.   node test/bench/cpu-profile-summary.mjs <file.cpuprofile> [top]
import { readFileSync } from 'node:fs';

const [file, topArg] = process.argv.slice(2);
if (!file) {
  console.error('usage: node cpu-profile-summary.mjs <file.cpuprofile> [top]');
  process.exit(2);
}
const top = Number(topArg ?? 40);
const profile = JSON.parse(readFileSync(file, 'utf8'));
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const selfUs = new Map();
for (let i = 0; i < profile.samples.length; i += 1) {
  const id = profile.samples[i];
  selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
}

function packageOf(url, name) {
  if (!url) return name.startsWith('(') ? name : '(native)';
  if (url.startsWith('node:')) return 'node:' + url.slice(5).split('/')[0];
  const modules = url.lastIndexOf('node_modules/');
  if (modules >= 0) {
    const parts = url.slice(modules + 13).split('/');
    return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
  }
  const own = /\/(server|packages)\/(?:[^/]+\/)?(?:dist|src)\/(.*)$/.exec(url);
  return own ? `(ours) ${own[2].split('/').slice(0, 2).join('/')}` : url;
}

const packages = new Map();
const functions = new Map();
let total = 0;
for (const [id, us] of selfUs) {
  const { callFrame } = byId.get(id);
  const pkg = packageOf(callFrame.url, callFrame.functionName);
  packages.set(pkg, (packages.get(pkg) ?? 0) + us);
  const fn = `${callFrame.functionName || '(anonymous)'} ${pkg} ${callFrame.url.split('/').slice(-1)[0]}:${callFrame.lineNumber + 1}`;
  functions.set(fn, (functions.get(fn) ?? 0) + us);
  total += us;
}
const idle = [...selfUs].filter(([id]) => byId.get(id).callFrame.functionName === '(idle)').reduce((s, [, us]) => s + us, 0);
const busy = total - idle;
const show = (map, n) => [...map].filter(([k]) => !k.startsWith('(idle)')).sort((a, b) => b[1] - a[1]).slice(0, n)
  .map(([k, us]) => `${(us / 1000).toFixed(0).padStart(8)} ms ${((us / busy) * 100).toFixed(1).padStart(5)} %  ${k}`).join('\n');
console.log(`profile: ${(total / 1e6).toFixed(1)} s, busy ${(busy / 1e6).toFixed(1)} s\n\nself time by package:\n${show(packages, 25)}\n\ntop functions:\n${show(functions, top)}`);

// Native self time (writes, reads, microtasks) means little alone: charge it to the nearest caller in JavaScript.
const parentOf = new Map();
for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
const callers = new Map();
for (const [id, us] of selfUs) {
  const { callFrame } = byId.get(id);
  if (callFrame.url || callFrame.functionName.startsWith('(')) continue;
  const chain = [];
  for (let p = parentOf.get(id); p !== undefined && chain.length < 4; p = parentOf.get(p)) {
    const frame = byId.get(p).callFrame;
    if (frame.url) chain.push(`${frame.functionName || '(anonymous)'} ${packageOf(frame.url, frame.functionName)}`);
  }
  const key = `${callFrame.functionName} ← ${chain.join(' ← ')}`;
  callers.set(key, (callers.get(key) ?? 0) + us);
}
console.log(`\nnative time by caller:\n${show(callers, 15)}`);
