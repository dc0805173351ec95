/** Dossiers read per query by the sweeps: what one pass holds in memory, whatever the number of dossiers. */
export const LOT = 200;
