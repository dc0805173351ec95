import { z } from 'zod';
import { ADRESSE_TYPES, AdresseSuggestion } from '../adresse.entity';

const banFeature = z.object({
  type: z.literal('Feature'),
  geometry: z.object({
    type: z.literal('Point'),
    coordinates: z.tuple([z.number(), z.number()]),
  }),
  properties: z.object({
    id: z.string().min(1),
    label: z.string().min(1),
    type: z.enum(ADRESSE_TYPES),
    score: z.number(),
    housenumber: z.string().optional(),
    street: z.string().optional(),
    name: z.string().optional(),
    postcode: z.string().optional(),
    citycode: z.string().min(1),
    city: z.string().min(1),
    context: z.string().optional(),
    x: z.number().optional(),
    y: z.number().optional(),
  }),
});

type BanFeature = z.infer<typeof banFeature>;

const banCollection = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(z.unknown()),
});

/**
 * Maps a BAN /search answer. The envelope must be a FeatureCollection (otherwise the body is unusable and the
 * caller treats it as an outage); a single feature the BAN adds a field to or leaves incomplete is skipped rather
 * than failing the whole answer, since the other suggestions are still good.
 */
export function mapBanResponse(body: unknown): AdresseSuggestion[] | undefined {
  const collection = banCollection.safeParse(body);
  if (!collection.success) return undefined;
  const suggestions: AdresseSuggestion[] = [];
  for (const raw of collection.data.features) {
    const feature = banFeature.safeParse(raw);
    if (feature.success) suggestions.push(toSuggestion(feature.data));
  }
  return suggestions;
}

function toSuggestion({ geometry, properties: p }: BanFeature): AdresseSuggestion {
  const departementCode = p.context?.split(',')[0]?.trim();
  return {
    id: p.id,
    label: p.label,
    type: p.type,
    score: p.score,
    ...(p.housenumber !== undefined ? { housenumber: p.housenumber } : {}),
    ...(p.street !== undefined ? { street: p.street } : {}),
    ...(p.name !== undefined ? { name: p.name } : {}),
    ...(p.postcode !== undefined ? { postcode: p.postcode } : {}),
    citycode: p.citycode,
    city: p.city,
    ...(p.context !== undefined ? { context: p.context } : {}),
    ...(departementCode ? { departementCode } : {}),
    coordinates: geometry.coordinates,
    ...(p.x !== undefined && p.y !== undefined ? { x: p.x, y: p.y } : {}),
  };
}
