import type { PdfBlock, PdfDocumentModel, PdfField } from '@demarches/pdf';
import { afficherValeur } from '../domain/champs/affichage';
import { Dossier } from '../domain/dossier';
import { libelleEtat } from '../domain/dossier-state';
import { ChampDescriptor, RevisionPubliee } from '../domain/revision';
import { fichiersDuChamp, PieceJointe, TYPES_PIECE } from '../pieces-jointes/domain/piece-jointe';

// Types that only display text in the form: nothing to print as a value.
const SANS_VALEUR = new Set(['header_section', 'explication']);

const dateFr = (date: Date | null): string =>
  date
    ? new Date(date).toLocaleString('fr-FR', {
        timeZone: 'Europe/Paris',
        dateStyle: 'long',
        timeStyle: 'short',
      })
    : '';

function demandeurRows(dossier: Dossier): PdfField[] {
  const demandeur = dossier.demandeur;
  if (!demandeur) return [{ label: 'E-mail', value: dossier.usager.email }];
  if (demandeur.kind === 'particulier') {
    return [
      { label: 'Civilité', value: demandeur.civilite },
      { label: 'Nom', value: demandeur.nom },
      { label: 'Prénom', value: demandeur.prenom },
      { label: 'E-mail', value: dossier.usager.email },
    ];
  }
  return [
    { label: 'SIRET', value: demandeur.siret },
    { label: 'Raison sociale', value: demandeur.raisonSociale },
    { label: 'Adresse', value: demandeur.adresse },
    { label: 'E-mail', value: dossier.usager.email },
  ];
}

function valeur(champ: ChampDescriptor, dossier: Dossier, fichiers: Map<string, PieceJointe>): string {
  const value = dossier.champs[champ.id];
  if (TYPES_PIECE.has(champ.type)) {
    const names = fichiersDuChamp(value).map((id) => fichiers.get(id)?.fileName ?? 'fichier');
    return names.join('\n');
  }
  return afficherValeur(champ, value);
}

/**
 * The printable summary of a deposited dossier (reference: « PDF du dossier », app/views/dossiers/show.pdf.prawn):
 * the démarche, the dossier's number, state and dates, the demandeur, then every champ of the form in order with
 * its value — the names of attached files for a pièce justificative, « Non renseigné » when empty.
 */
export function modeleDuDossier(
  dossier: Dossier,
  revision: RevisionPubliee,
  pieces: PieceJointe[],
  now: Date,
): PdfDocumentModel {
  const fichiers = new Map(pieces.filter((p) => p.statut === 'jointe').map((p) => [p.id, p]));
  const blocks: PdfBlock[] = [
    { kind: 'paragraph', text: revision.title, bold: true },
    {
      kind: 'fields',
      title: 'Dossier',
      rows: [
        { label: 'Numéro', value: String(dossier.number) },
        { label: 'État', value: libelleEtat(dossier.state) },
        { label: 'Déposé le', value: dateFr(dossier.depositedAt) },
        ...(dossier.instructionStartedAt
          ? [{ label: 'En instruction depuis le', value: dateFr(dossier.instructionStartedAt) }]
          : []),
        ...(dossier.decidedAt ? [{ label: 'Décision le', value: dateFr(dossier.decidedAt) }] : []),
        ...(revision.administration ? [{ label: 'Administration', value: revision.administration }] : []),
      ],
    },
    { kind: 'fields', title: 'Demandeur', rows: demandeurRows(dossier) },
  ];
  const rows: PdfField[] = [];
  for (const champ of revision.champs) {
    if (SANS_VALEUR.has(champ.type)) {
      blocks.push(
        ...(rows.length > 0 ? [{ kind: 'fields' as const, title: 'Formulaire', rows: rows.splice(0) }] : []),
      );
      if (champ.type === 'header_section') blocks.push({ kind: 'heading', text: champ.label, level: 3 });
      continue;
    }
    rows.push({ label: champ.label, value: valeur(champ, dossier, fichiers) || 'Non renseigné' });
  }
  if (rows.length > 0) blocks.push({ kind: 'fields', title: 'Formulaire', rows });
  return {
    title: `Dossier n° ${dossier.number} — ${revision.title}`,
    subject: revision.title,
    blocks,
    footer: `Dossier n° ${dossier.number} — édité le ${dateFr(now)}`,
    pageNumbers: true,
    createdAt: now,
  };
}
