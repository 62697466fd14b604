import { loadConfig } from './config';

/** Reads the configuration with these environment variables set, restoring them after. */
function configWith(env: Record<string, string>) {
  const saved = Object.fromEntries(Object.keys(env).map((name) => [name, process.env[name]]));
  Object.assign(process.env, env);
  try {
    return loadConfig();
  } finally {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}

describe('TRUST_PROXY', () => {
  it('is off unless set', () => {
    expect(configWith({ TRUST_PROXY: '' }).trustProxy).toBe(false);
    expect(configWith({ TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(configWith({ TRUST_PROXY: '0' }).trustProxy).toBe(false);
  });

  it('takes a number of proxy hops', () => {
    expect(configWith({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(configWith({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(() => configWith({ TRUST_PROXY: '11' })).toThrow(/TRUST_PROXY must be a whole number from 1 to 10/);
  });

  it('takes a list of proxy addresses and subnets', () => {
    expect(configWith({ TRUST_PROXY: '10.0.0.5, 10.0.1.0/24,fd00::/8,loopback' }).trustProxy)
      .toEqual(['10.0.0.5', '10.0.1.0/24', 'fd00::/8', 'loopback']);
    expect(() => configWith({ TRUST_PROXY: '10.0.0.5,proxy.internal,10.0.0.0/33' }))
      .toThrow(/not understood: proxy\.internal, 10\.0\.0\.0\/33/);
  });

  it('refuses true, which would let the client name its own address', () => {
    for (const value of ['true', 'yes', 'TRUE']) {
      expect(() => configWith({ TRUST_PROXY: value })).toThrow(/would trust every X-Forwarded-For hop.*TRUST_PROXY=1/);
    }
  });
});

describe('METRICS_TOKEN', () => {
  it('is a secret of at least 32 characters, or unset', () => {
    expect(configWith({ METRICS_TOKEN: '' }).metricsToken).toBeNull();
    expect(configWith({ METRICS_TOKEN: 'a'.repeat(32) }).metricsToken).toBe('a'.repeat(32));
    expect(() => configWith({ METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN must be at least 32 characters/);
  });
});
