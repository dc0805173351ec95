import type { Connection } from 'mongoose';

interface CounterDocument {
  _id: string;
  seq: number;
}

/**
 * Gap-tolerant sequential numbers (démarche and dossier numbers shown to people). One atomic findOneAndUpdate
 * with $inc per number, so concurrent callers never get the same one; a number whose insert then fails is lost,
 * which is fine for display numbers.
 */
export async function nextSequenceValue(connection: Connection, name: string): Promise<number> {
  const counters = connection.collection<CounterDocument>('counters');
  const result = await counters.findOneAndUpdate(
    { _id: name },
    { $inc: { seq: 1 } },
    { upsert: true, returnDocument: 'after', includeResultMetadata: false },
  );
  if (!result) throw new Error(`sequence ${name} could not be incremented`);
  return result.seq;
}
