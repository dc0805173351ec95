import { ProcessedEventsJanitor } from './processed-events.janitor';

const DAY = 86_400_000;

describe(ProcessedEventsJanitor.name, () => {
  afterEach(() => jest.useRealTimers());

  it('purges the records older than the retention, on every tick', async () => {
    jest.useFakeTimers();
    const purgeOlderThan = jest.fn(async () => 3);
    const now = Date.UTC(2026, 10, 27);
    const janitor = new ProcessedEventsJanitor({ purgeOlderThan }, 14 * DAY, 3_600_000, () => now);
    janitor.start();
    await jest.advanceTimersByTimeAsync(2 * 3_600_000);
    janitor.stop();
    await jest.advanceTimersByTimeAsync(3_600_000);
    expect(purgeOlderThan).toHaveBeenCalledTimes(2);
    expect(purgeOlderThan).toHaveBeenCalledWith(new Date(now - 14 * DAY));
  });

  it('survives a failing purge and reports nothing deleted', async () => {
    const janitor = new ProcessedEventsJanitor(
      { purgeOlderThan: async () => Promise.reject(new Error('down')) },
      DAY,
      1000,
    );
    await expect(janitor.purge()).resolves.toBe(0);
  });
});
