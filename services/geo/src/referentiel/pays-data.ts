import { readFileSync } from 'node:fs';
import { ReferenceSource } from '../communes/reference-data';
import { Pays } from './referentiel.entity';

const PACKAGE = 'i18n-iso-countries';

interface FrenchNames {
  /** alpha-2 → name, or [usual name, aliases…]. */
  countries: Record<string, string | string[]>;
}

export interface PaysEntry extends Pays {
  /** Other names the locale file may list after the usual one (the `fr` file has none today); searchable too. */
  aliases: string[];
}

export function paysSource(): ReferenceSource {
  const pkg = JSON.parse(readFileSync(require.resolve(`${PACKAGE}/package.json`), 'utf8')) as {
    version: string;
  };
  return { name: PACKAGE, version: pkg.version };
}

/**
 * ISO 3166-1 countries with their French names, read from the package's `fr` locale file: the JSON is the data,
 * so there is no need for the library's runtime (locale registration, global state).
 */
export function loadPays(): PaysEntry[] {
  const { countries } = JSON.parse(
    readFileSync(require.resolve(`${PACKAGE}/langs/fr.json`), 'utf8'),
  ) as FrenchNames;
  return Object.entries(countries).map(([code, names]) => {
    const [nom, ...aliases] = Array.isArray(names) ? names : [names];
    return { code, nom, aliases };
  });
}
