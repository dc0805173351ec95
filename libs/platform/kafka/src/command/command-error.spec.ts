import { DomainError } from '@demarches/platform-errors';
import { domainErrorFromReply, errorReply } from './command-error';

describe('command error replies', () => {
  it('carry a DomainError across the wire unchanged', () => {
    const original = new DomainError('STALE_VERSION', 'conflict', 'modifié entre-temps', {
      expectedVersion: 3,
    });
    const rebuilt = domainErrorFromReply(errorReply(original).error);
    expect(rebuilt).toBeInstanceOf(DomainError);
    expect(rebuilt).toMatchObject({
      code: 'STALE_VERSION',
      kind: 'conflict',
      message: 'modifié entre-temps',
    });
    expect(rebuilt.details).toEqual({ expectedVersion: 3 });
  });

  it('treats an unknown kind from a newer peer as internal', () => {
    expect(domainErrorFromReply({ code: 'X', kind: 'exploded', message: 'm' }).kind).toBe('internal');
  });
});
