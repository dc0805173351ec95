import { DemarcheFiles } from '../storage/demarche-files';

/** Object storage in memory for unit tests: what was uploaded, what was deleted (`failRemove` simulates S3 down). */
export class InMemoryDemarcheFiles extends DemarcheFiles {
  readonly objects = new Map<string, Buffer>();
  readonly removed: string[] = [];
  failRemove = false;

  async presignUpload(key: string, contentType: string, size: number) {
    return {
      url: `memory://${key}`,
      method: 'PUT',
      headers: { 'content-type': contentType, 'content-length': String(size) },
      expiresAt: '',
    };
  }

  async inspect(key: string, headBytes: number) {
    const object = this.objects.get(key);
    return object ? { size: object.length, head: object.subarray(0, headBytes) } : null;
  }

  async downloadUrl(key: string) {
    return `memory://${key}`;
  }

  async remove(key: string) {
    if (this.failRemove) throw new Error('S3 indisponible');
    this.objects.delete(key);
    this.removed.push(key);
  }
}
