import { hash as argon2Hash, verify as argon2Verify, type Options } from '@node-rs/argon2';

/**
 * argon2id at OWASP's minimum (19 MiB, 2 passes, 1 lane): about 40 ms a check here, where the
 * library's defaults took 0.5 s. Hashes run at most `maxConcurrent` at a time so a burst of
 * sign-ins cannot take all memory and CPU; the rest wait their turn.
 */
// algorithm 2 is Argon2id: the package declares its enum as a `const enum`, which per-file compilers cannot inline.
const OPTIONS: Options = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export class PasswordHasher {
  private running = 0;
  private readonly waiting: Array<() => void> = [];
  /** Checked against when the email is unknown, so both answers take the same time. */
  private readonly dummy: Promise<string>;

  /** `counted` is told of each hash and verification as it is computed (the metrics' counter). */
  constructor(private readonly maxConcurrent: number, private readonly counted: (operation: 'hash' | 'verify') => void = () => {}) {
    this.dummy = argon2Hash('not-a-real-password-for-timing', OPTIONS);
  }

  hash(password: string): Promise<string> {
    return this.limited(async () => {
      const hashed = await argon2Hash(password, OPTIONS);
      this.counted('hash');
      return hashed;
    });
  }

  /** False for a null hash too, after the same work. */
  async verify(hash: string | null, password: string): Promise<boolean> {
    const target = hash ?? (await this.dummy);
    // Counted once argon2 has done the work: a hash it cannot read fails at once and is not counted.
    const ok = await this.limited(() => argon2Verify(target, password).then((matched) => {
      this.counted('verify');
      return matched;
    }, () => false));
    return hash !== null && ok;
  }

  private async limited<T>(work: () => Promise<T>): Promise<T> {
    // A finishing hash hands its slot straight to the next in line, so the cap is never exceeded.
    if (this.running >= this.maxConcurrent) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.running += 1;
    try {
      return await work();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running -= 1;
    }
  }
}

export function hashPasswordOnce(password: string): Promise<string> {
  return argon2Hash(password, OPTIONS);
}
