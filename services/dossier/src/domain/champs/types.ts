import { ChampDescriptor } from '../revision';

// The value model of every champ type (ADR 0013). Values are plain JSON so they are stored as-is in MongoDB, sent
// over HTTP unchanged and compared by conditions (@demarches/formulaire reads `code` of structured values).

/** An adresse picked in the Base Adresse Nationale, or typed by hand (manual) when the BAN does not know it. */
export interface AdresseValue {
  label: string;
  /** True when typed by hand: no BAN id, no coordinates guaranteed. */
  manual: boolean;
  /** False when the BAN (or geo) could not confirm the pick: kept as submitted, checked again later. */
  verified: boolean;
  banId?: string;
  postcode?: string;
  citycode?: string;
  city?: string;
  /** WGS 84 [longitude, latitude], as the BAN suggestion gave it. */
  coordinates?: [number, number];
}

/** A référentiel entry (région, département, EPCI, pays): the official code and the name it had when chosen. */
export interface CodeValue {
  code: string;
  nom: string;
}

/** A commune: INSEE code, name, and the postal code the usager chose when the commune has several. */
export interface CommuneValue extends CodeValue {
  postcode?: string;
  departement: string;
}

/** Deux menus déroulants liés: a `--groupe--` of the definition and one of its choices. */
export interface LinkedValue {
  primary: string;
  secondary: string;
}

/** Pièce justificative: ids of attachments uploaded to this dossier (the attachment model belongs to uploads). */
export interface PieceJustificativeValue {
  attachmentIds: string[];
}

/** Carte: the drawing as a GeoJSON FeatureCollection (2D positions), as geo validated and normalised it. */
export interface CarteValue {
  type: 'FeatureCollection';
  features: Array<Record<string, unknown>>;
}

/** A value that may sit inside a repetition row (rows are never nested). */
export type ChampValueSimple =
  | string
  | number
  | boolean
  | string[]
  | AdresseValue
  | CodeValue
  | CommuneValue
  | LinkedValue
  | PieceJustificativeValue
  | CarteValue
  | null;

/** One row of a bloc répétable: values keyed by child champ id. */
export type RepetitionRow = Record<string, ChampValueSimple>;

/** What a dossier stores for a champ; null (or absent) means unanswered. */
export type ChampValue = ChampValueSimple | RepetitionRow[];

/** Result of checking one value's shape: the normalised value to store, or why it is refused (French, lowercase). */
export type Verdict<V = ChampValue> = { ok: true; value: V } | { ok: false; reason: string };

export const accept = <V>(value: V): Verdict<V> => ({ ok: true, value });
export const refuse = (reason: string): Verdict<never> => ({ ok: false, reason });

/** Checks the shape of a value sent by the usager (unknown JSON) and normalises it. Never does I/O. */
export type ShapeValidator = (value: unknown, champ: ChampDescriptor) => Verdict;

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const isString = (value: unknown): value is string => typeof value === 'string';
