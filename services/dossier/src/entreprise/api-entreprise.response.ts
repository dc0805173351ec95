import { z } from 'zod';
import { Etablissement } from '../domain/dossier';

const texte = z.string().nullish();

/** The part of API Entreprise v3's établissement answer the identity step shows (`data` envelope). */
const reponse = z.object({
  data: z.object({
    siret: z.string(),
    activite_principale: z.object({ code: texte, libelle: texte }).nullish(),
    unite_legale: z
      .object({
        forme_juridique: z.object({ code: texte, libelle: texte }).nullish(),
        personne_morale_attributs: z.object({ raison_sociale: texte, sigle: texte }).nullish(),
        personne_physique_attributs: z
          .object({ nom_usage: texte, nom_naissance: texte, prenom_usuel: texte })
          .nullish(),
      })
      .nullish(),
    enseigne: texte,
    adresse: z
      .object({
        numero_voie: texte,
        indice_repetition_voie: texte,
        type_voie: texte,
        libelle_voie: texte,
        complement_adresse: texte,
        code_postal: texte,
        libelle_commune: texte,
        acheminement_postal: z
          .object({ l1: texte, l2: texte, l3: texte, l4: texte, l5: texte, l6: texte, l7: texte })
          .nullish(),
      })
      .nullish(),
  }),
});

const join = (parts: (string | null | undefined)[], separator = ' ') =>
  parts.filter((part): part is string => !!part && part.trim() !== '').join(separator);

/** Maps the v3 answer to what the dossier keeps; null when the body is not the expected shape. */
export function etablissementFromApiEntreprise(body: unknown): Etablissement | null {
  const parsed = reponse.safeParse(body);
  if (!parsed.success) return null;
  const data = parsed.data.data;
  const unite = data.unite_legale;
  const personne = unite?.personne_physique_attributs;
  const raisonSociale =
    unite?.personne_morale_attributs?.raison_sociale ??
    join([personne?.prenom_usuel, personne?.nom_usage ?? personne?.nom_naissance]) ??
    '';
  const adresse = data.adresse;
  const postal = adresse?.acheminement_postal;
  const ligneVoie =
    postal?.l4 ??
    join([adresse?.numero_voie, adresse?.indice_repetition_voie, adresse?.type_voie, adresse?.libelle_voie]);
  const ligneCommune = postal?.l6 ?? join([adresse?.code_postal, adresse?.libelle_commune]);
  return {
    siret: data.siret,
    raisonSociale: raisonSociale || data.enseigne || '',
    naf: join([data.activite_principale?.code, data.activite_principale?.libelle], ' – '),
    formeJuridique: unite?.forme_juridique?.libelle ?? '',
    adresse: join([ligneVoie, adresse?.complement_adresse, ligneCommune], ', '),
    verified: true,
  };
}
