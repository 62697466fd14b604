/**
 * A small seeded pseudo-random generator (sfc32, seeded through cyrb128), so that the same seed
 * gives the same demo rows, ids included, on every machine. Math.random would make every load
 * different and tests that name demo rows impossible.
 *
 * sfc32 keeps 128 bits of state: ids drawn from several independently seeded streams do not
 * collide in practice, which a 32-bit generator such as mulberry32 could not promise at
 * benchmark sizes.
 */
function cyrb128(text: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(private readonly seed: string) {
    [this.a, this.b, this.c, this.d] = cyrb128(seed);
    // The first outputs of sfc32 are poorly mixed.
    for (let i = 0; i < 15; i++) this.uint32();
  }

  /** An independent stream, so that changing one part of the demo does not reshuffle the others. */
  fork(label: string): Rng {
    return new Rng(`${this.seed}/${label}`);
  }

  uint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.uint32() / 4294967296;
  }

  /** Uniform whole number from min to max inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  float(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)];
  }

  /** An item drawn with probability proportional to its weight; zero weights are never drawn. */
  weighted<T>(items: readonly T[], weight: (item: T) => number): T {
    let total = 0;
    for (const item of items) total += weight(item);
    if (!(total > 0)) throw new Error('weighted pick with no positive weight');
    let target = this.next() * total;
    for (const item of items) {
      const w = weight(item);
      if (w <= 0) continue;
      target -= w;
      if (target < 0) return item;
    }
    // Rounding can leave a sliver of target: the last positive item takes it.
    for (let i = items.length - 1; i >= 0; i--) if (weight(items[i]) > 0) return items[i];
    throw new Error('unreachable');
  }

  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [items[i], items[j]] = [items[j], items[i]];
    }
    return items;
  }

  /** `count` distinct items of `items` not in `taken`, which is updated; fewer if there are not enough. */
  sample<T>(items: readonly T[], count: number, taken: Set<T>): T[] {
    const out: T[] = [];
    if (count <= 0) return out;
    // Rejection sampling is fast while most items are free; past that, walk a shuffled copy.
    if (count * 2 < items.length) {
      let attempts = 0;
      while (out.length < count && attempts < count * 20) {
        attempts++;
        const item = items[Math.floor(this.next() * items.length)];
        if (taken.has(item)) continue;
        taken.add(item);
        out.push(item);
      }
      if (out.length === count) return out;
    }
    for (const item of this.shuffle(items.slice())) {
      if (out.length >= count) break;
      if (taken.has(item)) continue;
      taken.add(item);
      out.push(item);
    }
    return out;
  }

  /** A version 4 UUID drawn from this stream. */
  uuid(): string {
    const bytes = new Array<number>(16);
    for (let i = 0; i < 16; i += 4) {
      const word = this.uint32();
      bytes[i] = word >>> 24;
      bytes[i + 1] = (word >>> 16) & 0xff;
      bytes[i + 2] = (word >>> 8) & 0xff;
      bytes[i + 3] = word & 0xff;
    }
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    const h = bytes.map((b) => HEX[b]);
    return `${h[0]}${h[1]}${h[2]}${h[3]}-${h[4]}${h[5]}-${h[6]}${h[7]}-${h[8]}${h[9]}-${h.slice(10).join('')}`;
  }
}
