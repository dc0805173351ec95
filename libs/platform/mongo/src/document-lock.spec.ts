import { withDocumentLock } from './document-lock';

describe(withDocumentLock.name, () => {
  it('runs the writes to one document one after the other, in call order', async () => {
    const log: string[] = [];
    const write = (name: string, ms: number) =>
      withDocumentLock('db', 'dossiers', 'x1', async () => {
        log.push(`${name} start`);
        await new Promise((r) => setTimeout(r, ms));
        log.push(`${name} end`);
        return name;
      });
    await expect(Promise.all([write('a', 20), write('b', 1), write('c', 5)])).resolves.toEqual([
      'a',
      'b',
      'c',
    ]);
    expect(log).toEqual(['a start', 'a end', 'b start', 'b end', 'c start', 'c end']);
  });

  it('does not serialise writes to different documents', async () => {
    const log: string[] = [];
    const write = (id: string, ms: number) =>
      withDocumentLock('db', 'dossiers', id, async () => {
        log.push(`${id} start`);
        await new Promise((r) => setTimeout(r, ms));
        log.push(`${id} end`);
      });
    await Promise.all([write('x1', 20), write('x2', 1)]);
    expect(log).toEqual(['x1 start', 'x2 start', 'x2 end', 'x1 end']);
  });

  it('releases the lock when a write fails', async () => {
    await expect(
      withDocumentLock('db', 'c', 'x', async () => Promise.reject(new Error('boom'))),
    ).rejects.toThrow('boom');
    await expect(withDocumentLock('db', 'c', 'x', async () => 'next')).resolves.toBe('next');
  });
});
