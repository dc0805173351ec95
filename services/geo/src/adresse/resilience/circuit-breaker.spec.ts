import { CircuitBreaker, CircuitOpenError, CircuitState } from './circuit-breaker';

describe(CircuitBreaker.name, () => {
  let now: number;
  let transitions: CircuitState[];
  let breaker: CircuitBreaker;
  const ok = () => Promise.resolve('ok');
  const boom = () => Promise.reject(new Error('boom'));

  beforeEach(() => {
    now = 0;
    transitions = [];
    breaker = new CircuitBreaker({
      failureThreshold: 3,
      cooldownMs: 1_000,
      now: () => now,
      onStateChange: (s) => transitions.push(s),
    });
  });

  const fail = async (times: number) => {
    for (let i = 0; i < times; i += 1) await expect(breaker.execute(boom)).rejects.toThrow('boom');
  };

  it('stays closed below the threshold of consecutive failures', async () => {
    await fail(2);
    await expect(breaker.execute(ok)).resolves.toBe('ok');
    await fail(2);
    expect(breaker.state).toBe('closed');
    expect(transitions).toEqual([]);
  });

  it('opens after the threshold and then refuses calls without running them', async () => {
    await fail(3);
    expect(breaker.state).toBe('open');
    const call = jest.fn(ok);
    now += 400;
    const refused = breaker.execute(call);
    await expect(refused).rejects.toBeInstanceOf(CircuitOpenError);
    await expect(refused).rejects.toMatchObject({ retryInMs: 600 });
    expect(call).not.toHaveBeenCalled();
  });

  it('lets exactly one probe through after the cool-down, and closes when it succeeds', async () => {
    await fail(3);
    now += 1_000;
    let release: (v: string) => void = () => undefined;
    const probe = breaker.execute(() => new Promise<string>((r) => (release = r)));
    expect(breaker.state).toBe('half_open');
    await expect(breaker.execute(ok)).rejects.toBeInstanceOf(CircuitOpenError);
    release('back');
    await expect(probe).resolves.toBe('back');
    expect(breaker.state).toBe('closed');
    await expect(breaker.execute(ok)).resolves.toBe('ok');
    expect(transitions).toEqual(['open', 'half_open', 'closed']);
  });

  it('reopens for a whole new cool-down when the probe fails', async () => {
    await fail(3);
    now += 1_000;
    await fail(1);
    expect(breaker.state).toBe('open');
    now += 999;
    await expect(breaker.execute(ok)).rejects.toBeInstanceOf(CircuitOpenError);
    now += 1;
    await expect(breaker.execute(ok)).resolves.toBe('ok');
    expect(transitions).toEqual(['open', 'half_open', 'open', 'half_open', 'closed']);
  });

  it('does not count errors the caller says are not failures of the upstream', async () => {
    const rejected = () => Promise.reject(new Error('bad request'));
    for (let i = 0; i < 5; i += 1) {
      await expect(breaker.execute(rejected, () => false)).rejects.toThrow('bad request');
    }
    expect(breaker.state).toBe('closed');
  });
});
