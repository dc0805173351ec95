import { CarteViolation } from '../carte.exception';

/** Collects violations with their dotted paths; the root is shown as `(racine)`, as parseInput does. */
export class Problems {
  private readonly violations: CarteViolation[] = [];

  static join(path: string, key: string | number): string {
    return path ? `${path}.${key}` : String(key);
  }

  add(path: string, message: string, position?: [number, number]): void {
    this.violations.push({ path: path || '(racine)', message, ...(position ? { position } : {}) });
  }

  get count(): number {
    return this.violations.length;
  }

  get empty(): boolean {
    return this.violations.length === 0;
  }

  get list(): CarteViolation[] {
    return [...this.violations];
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A short rendering of a wrong value for a message. */
export function describe(value: unknown): string {
  if (value === undefined) return 'rien';
  const json = JSON.stringify(value) ?? String(value);
  return json.length > 40 ? `${json.slice(0, 40)}…` : json;
}
