// What a browser does with the answer of POST /dossiers/:id/pieces-jointes: PUT the bytes straight to S3, part by
// part for a multipart upload, keeping each part's ETag for the confirmation. Used by tests and bench/.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

export interface PresignedPut {
  url: string;
  method: string;
  headers: Record<string, string>;
}

export type EnvoiRecu =
  | { mode: 'simple'; request: PresignedPut }
  | { mode: 'multipart'; partSize: number; parts: (PresignedPut & { partNumber: number })[] };

export function sha256Hex(body: Buffer): string {
  return createHash('sha256').update(body).digest('hex');
}

/** Sends `body` as instructed; returns the parts to confirm (multipart) or undefined (single PUT). */
export async function envoyerCommeUnNavigateur(
  envoi: EnvoiRecu,
  body: Buffer,
): Promise<{ partNumber: number; etag: string }[] | undefined> {
  if (envoi.mode === 'simple') {
    const res = await fetch(envoi.request.url, { method: 'PUT', headers: envoi.request.headers, body });
    if (!res.ok) throw new Error(`S3 refused the upload: ${res.status} ${await res.text()}`);
    return undefined;
  }
  const completed = [];
  // One part at a time, as a browser on a modest connection would.
  for (const part of envoi.parts) {
    const start = (part.partNumber - 1) * envoi.partSize;
    const chunk = body.subarray(start, start + envoi.partSize);
    const res = await fetch(part.url, { method: 'PUT', headers: part.headers, body: chunk });
    if (!res.ok) throw new Error(`S3 refused part ${part.partNumber}: ${res.status} ${await res.text()}`);
    completed.push({ partNumber: part.partNumber, etag: res.headers.get('etag') ?? '' });
  }
  return completed;
}

/** A deterministic PDF-looking file of `size` bytes (starts with a PDF header, then pseudo-random bytes). */
export function fauxPdf(size: number): Buffer {
  const body = Buffer.allocUnsafe(size);
  let x = 0x2545f491;
  for (let i = 0; i < size; i += 4) {
    // xorshift32: fast, and incompressible enough that no layer can cheat on the size.
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    body.writeInt32LE(x | 0, Math.min(i, size - 4));
  }
  body.write('%PDF-1.7\n', 0, 'latin1');
  return body;
}

/** Resident set size of a Linux process and its peak so far (VmHWM), in bytes. */
export function memoireDuProcessus(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0) * 1024;
  return { rss: kb('VmRSS'), peak: kb('VmHWM') };
}
