// What an administrateur gives before a publication (the reference's missing steps), through the gateway.
import { api } from './platform';

/** A SIRET with a valid check digit (Ville de Lyon). */
export const SIRET_SERVICE = '21690123100011';

/** The description and the service a publication requires besides champs and instructeurs (ADR 0011). */
export async function decrirePourPublication(token: string, demarcheId: string): Promise<void> {
  const description = await api('PATCH', `/api/demarches/${demarcheId}`, {
    token,
    body: {
      lienDiffusion: 'https://www.exemple.fr/demarches',
      cadreJuridique: { texte: 'Délibération du conseil municipal du 3 mars 2026' },
    },
  });
  if (description.status !== 200) {
    throw new Error(`description refused: ${description.status} ${JSON.stringify(description.body)}`);
  }
  const service = await api('PUT', `/api/demarches/${demarcheId}/service`, {
    token,
    body: {
      nom: 'Service des espaces verts',
      organisme: 'Ville de Lyon',
      email: 'espaces-verts@exemple.fr',
      telephone: '04 72 10 30 30',
      horaires: 'du lundi au vendredi, de 9 h à 17 h',
      adresse: '1 place de la Comédie, 69001 Lyon',
      siret: SIRET_SERVICE,
    },
  });
  if (service.status !== 200) {
    throw new Error(`service refused: ${service.status} ${JSON.stringify(service.body)}`);
  }
}

/** The identity step of a particulier, required before the dépôt. */
export async function renseignerIdentite(
  token: string,
  dossierId: string,
  identite = { civilite: 'Mme', nom: 'Martin', prenom: 'Claire' },
): Promise<void> {
  const response = await api('PUT', `/api/dossiers/${dossierId}/identite/particulier`, {
    token,
    body: identite,
  });
  if (response.status !== 200) {
    throw new Error(`identity step refused: ${response.status} ${JSON.stringify(response.body)}`);
  }
}
