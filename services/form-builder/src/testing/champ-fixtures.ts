// Builders the domain specs share: a champ as stored, a champ as the administrateur sends it, and a fresh démarche.
import { ChampDescriptor, Demarche, nouvelleDemarche } from '../domain/demarche';
import type { NouveauChamp } from '../domain/formulaire';

/** A stored champ (with its id), optional and without description. */
export const champ = (
  id: string,
  type: ChampDescriptor['type'],
  label: string,
  options: string[] = [],
): ChampDescriptor => ({ id, type, label, description: '', mandatory: false, options });

/** A champ as sent to ajouterChamp: a text unless `extra` says otherwise. */
export const nouveauChamp = (label: string, extra: Partial<NouveauChamp> = {}): NouveauChamp => ({
  type: 'text',
  label,
  description: '',
  mandatory: false,
  options: [],
  ...extra,
});

/** A new démarche « Aide » administered by a@x.fr, with these champs. */
export function demarcheDeTest(champs: ChampDescriptor[] = [], now = new Date(0)): Demarche {
  const demarche = nouvelleDemarche({
    number: 1,
    title: 'Aide',
    description: '',
    administrateur: 'a@x.fr',
    now,
  });
  return { ...demarche, champs };
}
