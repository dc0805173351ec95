import { z } from 'zod';
import { openApiSchemaOf } from './zod-body.decorator';

describe('openApiSchemaOf', () => {
  it('describes what parseInput enforces: types, bounds, required fields and enums, inlined', () => {
    const schema = z.object({
      title: z.string().min(1).max(200),
      mois: z.number().int().min(1).max(60).optional(),
      mode: z.enum(['aucun', 'en_instruction']),
    });
    const json = openApiSchemaOf(schema);
    expect(json).toMatchObject({
      type: 'object',
      required: ['title', 'mode'],
      properties: {
        title: { type: 'string', minLength: 1, maxLength: 200 },
        mois: { type: 'integer', minimum: 1, maximum: 60 },
        mode: { type: 'string', enum: ['aucun', 'en_instruction'] },
      },
    });
    expect(json).not.toHaveProperty('$schema');
    expect(JSON.stringify(json)).not.toContain('$ref');
  });

  it('documents a recursive schema without warning, its inner occurrence described as the same structure', () => {
    type Node = { all: Node[] } | { champId: string };
    const node: z.ZodType<Node> = z.lazy(() =>
      z.union([z.object({ all: z.array(node) }), z.object({ champId: z.string() })]),
    );
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const json = openApiSchemaOf(z.object({ condition: node }));
    expect(warn).not.toHaveBeenCalled();
    warn.mockRestore();
    expect(JSON.stringify(json)).toContain('récursive');
    expect(JSON.stringify(json)).toContain('champId');
  });
});
