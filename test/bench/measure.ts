import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Runs `work` `runs` times after `warmup` runs and reports latency percentiles in milliseconds. */
export async function measure(work: () => Promise<void>, runs = 50, warmup = 5) {
  for (let i = 0; i < warmup; i += 1) await work();
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const started = process.hrtime.bigint();
    await work();
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))];
  return { runs, p50: at(0.5), p95: at(0.95), max: times.at(-1)! };
}

export function writeResults(name: string, title: string, header: string[], rows: Array<Array<string | number>>, notes: string[]) {
  const fmt = (v: string | number) => (typeof v === 'number' ? (Number.isInteger(v) ? String(v) : v.toFixed(1)) : v);
  const lines = [
    `# ${title}`, '',
    `Measured ${new Date().toISOString()} on ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}.`, '',
    `| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${row.map(fmt).join(' | ')} |`), '', ...notes, '',
  ];
  writeFileSync(path.join(__dirname, 'results', `${name}.md`), lines.join('\n'));
}
