// The champ types live in @demarches/formulaire, shared with the dossier service (one list for both sides).
export { isTypeDeChamp, TYPES_DE_CHAMP, TYPES_SANS_VALEUR, type TypeDeChamp } from '@demarches/formulaire';
