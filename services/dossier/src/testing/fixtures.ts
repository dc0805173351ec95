// Test-only fixtures shared by dossier's unit tests.
import { RevisionPubliee } from '../domain/revision';

/** A published revision with one mandatory and one optional champ, routed by default to groupe g1. */
export const revisionPubliee: RevisionPubliee = {
  demarcheId: 'd1',
  demarcheNumber: 1,
  title: 'Aide',
  slug: 'aide',
  revisionId: 'r1',
  state: 'publiee',
  groupeInstructeurDefautId: 'g1',
  sourceVersion: 1,
  champs: [
    { id: 'nom', type: 'text', label: 'Nom du projet', description: '', mandatory: true, options: [] },
    { id: 'mail', type: 'email', label: 'Contact', description: '', mandatory: false, options: [] },
  ],
};
