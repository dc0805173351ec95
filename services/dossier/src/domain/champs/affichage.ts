import { ChampDescriptor } from '../revision';
import { ChampValue, ChampValueSimple } from './types';

/**
 * The value as people read it, for the events' `value` (accusés de réception, balises of e-mails, CSV exports):
 * Oui/Non, an address's label, a référentiel's name and code, the rows of a bloc one per line.
 */
export function afficherValeur(champ: ChampDescriptor, value: ChampValue | undefined): string {
  if (value === undefined || value === null) return '';
  if (champ.type === 'repetition' && Array.isArray(value)) {
    const children = champ.children ?? [];
    return (value as Array<Record<string, ChampValueSimple>>)
      .map((row, index) => {
        const cells = children
          .filter((child) => row[child.id] !== undefined && row[child.id] !== null)
          .map((child) => `${child.label} : ${afficherValeur(child, row[child.id])}`);
        return `Ligne ${index + 1} — ${cells.join(' ; ')}`;
      })
      .join('\n');
  }
  return afficherSimple(champ, value as ChampValueSimple);
}

function afficherSimple(champ: ChampDescriptor, value: ChampValueSimple): string {
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? 'Oui' : 'Non';
  if (typeof value === 'number') return champ.type === 'dossier_link' ? `Dossier n° ${value}` : String(value);
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.join(', ');
  if (typeof value !== 'object') return '';
  if ('attachmentIds' in value) return `${value.attachmentIds.length} fichier(s) joint(s)`;
  if ('features' in value) return `${value.features.length} tracé(s) sur la carte`;
  if ('primary' in value) return value.secondary ? `${value.primary} / ${value.secondary}` : value.primary;
  if ('label' in value) return value.label;
  if ('code' in value) {
    const postcode = 'postcode' in value && value.postcode ? ` ${value.postcode}` : '';
    return value.nom ? `${value.nom} (${value.code}${postcode ? `,${postcode}` : ''})` : value.code;
  }
  return '';
}
