/** Who may export a démarche's dossiers, projected from DemarchePublished. */
export interface DemarcheAccess {
  demarcheId: string;
  title: string;
  administrateurEmails: string[];
  groupes: Array<{ id: string; instructeurEmails: string[] }>;
  version: number;
}

export interface Caller {
  sub: string;
  email: string;
  roles: readonly string[];
}

/**
 * The scope of an export: every dossier for an administrateur of the démarche, the dossiers of her groupes for an
 * instructeur (an instructeur only sees her groupes' dossiers), nothing (null) for anyone else.
 */
export function exportScope(access: DemarcheAccess, caller: Caller): { groupeIds: string[] | null } | null {
  const email = caller.email.trim().toLowerCase();
  if (caller.roles.includes('administrateur') && access.administrateurEmails.includes(email))
    return { groupeIds: null };
  if (!caller.roles.includes('instructeur')) return null;
  const groupeIds = access.groupes.filter((g) => g.instructeurEmails.includes(email)).map((g) => g.id);
  return groupeIds.length > 0 ? { groupeIds } : null;
}
