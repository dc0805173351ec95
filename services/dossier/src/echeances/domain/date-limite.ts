/**
 * « Lorsque vous indiquez 14 septembre, la clôture des dossiers s'effectuera dans la nuit du 13 au 14 septembre à
 * minuit » (seed, date limite de dépôt): the deadline is midnight, Europe/Paris, at the start of the chosen date.
 */
const PARIS = 'Europe/Paris';

const parts = new Intl.DateTimeFormat('en-CA', {
  timeZone: PARIS,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

function parisFields(instant: Date): { y: number; m: number; d: number; h: number; min: number; s: number } {
  const f = Object.fromEntries(parts.formatToParts(instant).map((p) => [p.type, Number(p.value)]));
  return {
    y: f.year ?? 0,
    m: f.month ?? 0,
    d: f.day ?? 0,
    h: f.hour ?? 0,
    min: f.minute ?? 0,
    s: f.second ?? 0,
  };
}

/** Offset of Paris from UTC at `instant`, in milliseconds (+1 h in winter, +2 h in summer). */
function parisOffsetMs(instant: Date): number {
  const f = parisFields(instant);
  return Date.UTC(f.y, f.m - 1, f.d, f.h, f.min, f.s) - Math.floor(instant.getTime() / 1000) * 1000;
}

/** Midnight in Paris at the start of the Paris calendar day of `instant`. */
export function minuitParis(instant: Date): Date {
  const { y, m, d } = parisFields(instant);
  const naive = Date.UTC(y, m - 1, d);
  // Two passes: the offset at midnight may differ from the offset at the instant (days of a clock change).
  let guess = naive - parisOffsetMs(new Date(naive));
  guess = naive - parisOffsetMs(new Date(guess));
  return new Date(guess);
}

/**
 * The instant the dépôt closes, whatever form the snapshot used for the date (midnight UTC of the date, midnight
 * Paris, or any time on that day in Paris): midnight Paris at the start of that calendar day.
 */
export function clotureDuDepot(dateLimite: Date): Date {
  // Midnight UTC of the chosen date is still that date in Paris (UTC+1/+2); midnight Paris already is the answer.
  return minuitParis(dateLimite);
}

/** True once the dépôt is closed by the date limite (none = never). The dépôt path calls it. */
export function dateLimiteAtteinte(dateLimite: Date | null | undefined, now: Date): boolean {
  return dateLimite != null && now.getTime() >= clotureDuDepot(new Date(dateLimite)).getTime();
}
