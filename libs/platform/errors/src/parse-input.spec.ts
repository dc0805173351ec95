import { z } from 'zod';
import { parseInput } from './parse-input';

describe(parseInput.name, () => {
  const schema = z.object({ title: z.string().min(1), count: z.number().int() });

  it('returns the parsed value when the input is valid', () => {
    expect(parseInput(schema, { title: 'a', count: 1 })).toEqual({ title: 'a', count: 1 });
  });

  it('lists every violation with its path in one VALIDATION_FAILED error', () => {
    expect(() => parseInput(schema, { title: '', count: 1.5 })).toThrow(
      expect.objectContaining({
        code: 'VALIDATION_FAILED',
        kind: 'invalid',
        details: {
          violations: [
            expect.objectContaining({ path: 'title' }),
            expect.objectContaining({ path: 'count' }),
          ],
        },
      }),
    );
  });
});
