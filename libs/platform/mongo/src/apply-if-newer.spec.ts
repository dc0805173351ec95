import { Schema, model as createModel } from 'mongoose';
import { applyIfNewer } from './apply-if-newer';

interface ViewDoc {
  _id: string;
  state: string;
  version: number;
}

const ViewModel = createModel<ViewDoc>(
  'ApplyIfNewerSpecView',
  new Schema<ViewDoc>({ _id: String, state: String, version: Number }),
);

/** Stubs the one mongoose call chain under test; no database involved. */
function stubUpdate(outcome: { matchedCount: number; upsertedCount: number } | Error) {
  return jest.spyOn(ViewModel, 'updateOne').mockReturnValue({
    exec: async () => {
      if (outcome instanceof Error) throw outcome;
      return outcome;
    },
  } as unknown as ReturnType<typeof ViewModel.updateOne>);
}

const duplicateKey = () => Object.assign(new Error('E11000 duplicate key error'), { code: 11000 });

describe(applyIfNewer.name, () => {
  afterEach(() => jest.restoreAllMocks());

  it('writes the change and the new version only over an older version', async () => {
    const updateOne = stubUpdate({ matchedCount: 1, upsertedCount: 0 });
    await expect(applyIfNewer(ViewModel, 'd1', 4, { state: 'accepte' }, { upsert: false })).resolves.toBe(
      true,
    );
    expect(updateOne).toHaveBeenCalledWith(
      { _id: 'd1', version: { $lt: 4 } },
      { $set: { state: 'accepte', version: 4 } },
      { upsert: false },
    );
  });

  it('reports an event that is not newer than the stored state as not applied', async () => {
    stubUpdate({ matchedCount: 0, upsertedCount: 0 });
    await expect(applyIfNewer(ViewModel, 'd1', 2, { state: 'brouillon' }, { upsert: false })).resolves.toBe(
      false,
    );
  });

  it('inserts the document when the first event starts the projection', async () => {
    stubUpdate({ matchedCount: 0, upsertedCount: 1 });
    await expect(applyIfNewer(ViewModel, 'd2', 1, { state: 'brouillon' }, { upsert: true })).resolves.toBe(
      true,
    );
  });

  it('treats the insert colliding with a newer document as an older event, not an error', async () => {
    stubUpdate(duplicateKey());
    await expect(applyIfNewer(ViewModel, 'd1', 1, { state: 'brouillon' }, { upsert: true })).resolves.toBe(
      false,
    );
  });

  it('lets every other failure through', async () => {
    stubUpdate(new Error('connection lost'));
    await expect(applyIfNewer(ViewModel, 'd1', 3, { state: 'x' }, { upsert: true })).rejects.toThrow(
      'connection lost',
    );
    stubUpdate(duplicateKey());
    await expect(applyIfNewer(ViewModel, 'd1', 3, { state: 'x' }, { upsert: false })).rejects.toThrow(
      'E11000',
    );
  });
});
