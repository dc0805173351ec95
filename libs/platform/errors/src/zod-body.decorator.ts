import { applyDecorators } from '@nestjs/common';
import { ApiBody, ApiQuery } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import type { ZodTypeAny } from 'zod';
import { ignoreOverride, zodToJsonSchema } from 'zod-to-json-schema';

interface SeenDefinition {
  path: string[];
}

/**
 * A recursive schema (a condition's « et » / « ou » tree) cannot be inlined: its inner occurrence is documented as
 * « the same structure » instead of letting the converter warn and fall back to any.
 */
function recursion(
  _def: unknown,
  refs: { currentPath: string[] },
  seen: SeenDefinition | undefined,
): object | typeof ignoreOverride {
  const insideItself =
    seen !== undefined &&
    seen.path.length < refs.currentPath.length &&
    seen.path.every((segment, index) => refs.currentPath[index] === segment);
  return insideItself ? { description: 'Même structure, imbriquée (récursive).' } : ignoreOverride;
}

/** The JSON schema (OpenAPI 3 flavour, inlined) of a zod input schema: the one `parseInput` enforces. */
export function openApiSchemaOf(schema: ZodTypeAny): SchemaObject {
  // zodToJsonSchema's generic signature makes the compiler recurse through the zod type; the result is plain JSON.
  const convert = zodToJsonSchema as (input: unknown, options: object) => Record<string, unknown>;
  const { $schema: _ignored, ...json } = convert(schema, {
    target: 'openApi3',
    $refStrategy: 'none',
    override: recursion,
  });
  return json as SchemaObject;
}

/**
 * Documents a request body with the same zod schema the handler passes to `parseInput`, so the OpenAPI document
 * cannot drift from what the service accepts.
 */
export function ZodBody(schema: ZodTypeAny, description?: string): MethodDecorator {
  return applyDecorators(ApiBody({ schema: openApiSchemaOf(schema), description, required: true }));
}

/** Documents the query parameters of a handler from the zod object it validates them with. */
export function ZodQuery(schema: ZodTypeAny): MethodDecorator {
  const json = openApiSchemaOf(schema);
  const properties = (json.properties ?? {}) as Record<string, SchemaObject>;
  const required = new Set(json.required ?? []);
  return applyDecorators(
    ...Object.entries(properties).map(([name, property]) =>
      ApiQuery({ name, schema: property, required: required.has(name) }),
    ),
  );
}
