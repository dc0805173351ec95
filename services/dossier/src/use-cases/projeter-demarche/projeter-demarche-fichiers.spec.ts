import { DemarcheFileKind } from '@demarches/contracts';
import { demarchePublished } from '@demarches/testing';
import { commencerView } from '../../http/commencer.controller';
import { revisionFromEvent } from './projeter-demarche.use-case';

describe('the démarche’s files on the start page', () => {
  it('projects the files of the snapshot and links each to form-builder’s public route', () => {
    const event = demarchePublished({
      files: [
        { kind: DemarcheFileKind.LOGO, fileName: 'logo.png', contentType: 'image/png', size: 300 },
        { kind: DemarcheFileKind.UNSPECIFIED, fileName: 'inconnu', contentType: 'x/y', size: 1 },
        { kind: DemarcheFileKind.NOTICE, fileName: 'notice.pdf', contentType: 'application/pdf', size: 2048 },
      ],
    });
    const revision = revisionFromEvent(event);
    expect(revision.fichiers).toEqual([
      { kind: 'logo', fileName: 'logo.png', contentType: 'image/png', size: 300 },
      { kind: 'notice', fileName: 'notice.pdf', contentType: 'application/pdf', size: 2048 },
    ]);
    expect(commencerView(revision).fichiers).toEqual([
      expect.objectContaining({ kind: 'logo', url: `/api/demarches/${event.demarcheId}/fichiers/logo` }),
      expect.objectContaining({ kind: 'notice', url: `/api/demarches/${event.demarcheId}/fichiers/notice` }),
    ]);
  });

  it('shows no file for a snapshot without any, or stored before files travelled', () => {
    const revision = revisionFromEvent(demarchePublished());
    expect(commencerView(revision).fichiers).toEqual([]);
    expect(commencerView({ ...revision, fichiers: undefined }).fichiers).toEqual([]);
  });
});
