import { z } from 'zod';
import { AreaGeometry, Parcelle } from '../parcelle.entity';

const position = z.array(z.number()).min(2);
const geometry = z.discriminatedUnion('type', [
  z.object({ type: z.literal('Polygon'), coordinates: z.array(z.array(position)) }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(z.array(position))) }),
]);

/**
 * API Carto has served two property sets: the Parcellaire Express one (idu, code_insee, com_abs, nom_com) and
 * the older Etalab one (id, commune, prefixe). Both are read, the current names first.
 */
const properties = z.object({
  idu: z.string().optional(),
  id: z.string().optional(),
  code_insee: z.string().optional(),
  commune: z.string().optional(),
  nom_com: z.string().optional(),
  com_abs: z.string().optional(),
  prefixe: z.string().optional(),
  section: z.string().min(1),
  numero: z.string().min(1),
  contenance: z.number().nonnegative().nullable().optional(),
});

const feature = z.object({
  type: z.literal('Feature'),
  id: z.union([z.string(), z.number()]).optional(),
  geometry,
  properties,
});

const collection = z.object({ type: z.literal('FeatureCollection'), features: z.array(z.unknown()) });

/** undefined when the envelope is not a FeatureCollection (treated as an outage); odd features are skipped. */
export function mapApiCartoParcelles(body: unknown): Parcelle[] | undefined {
  const parsed = collection.safeParse(body);
  if (!parsed.success) return undefined;
  const parcelles: Parcelle[] = [];
  for (const raw of parsed.data.features) {
    const f = feature.safeParse(raw);
    if (!f.success) continue;
    const parcelle = toParcelle(f.data.properties, f.data.geometry);
    if (parcelle) parcelles.push(parcelle);
  }
  return parcelles;
}

function toParcelle(p: z.infer<typeof properties>, geom: AreaGeometry): Parcelle | undefined {
  const id = p.idu ?? p.id;
  const commune = p.code_insee ?? p.commune ?? id?.slice(0, 5);
  if (!id || !commune) return undefined;
  return {
    id,
    commune,
    ...(p.nom_com ? { nomCommune: p.nom_com } : {}),
    prefixe: p.com_abs ?? p.prefixe ?? id.slice(5, 8),
    section: p.section,
    numero: p.numero,
    surface: p.contenance ?? 0,
    geometry: geom,
  };
}
