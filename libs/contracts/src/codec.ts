// The shape every ts-proto generated message object has (encode/decode/JSON/fromPartial), plus the
// fully-qualified protobuf name that travels in the `schema` header. ts-proto does not emit the name itself
// (no type registry), so the catalogue states it and a unit test checks it against the generated file.
import type { BinaryReader, BinaryWriter } from '@bufbuild/protobuf/wire';

type Builtin = Date | ((...args: never[]) => unknown) | Uint8Array | string | number | boolean | undefined;

/** Same definition as ts-proto's (not exported by the generated files). */
export type DeepPartial<T> = T extends Builtin
  ? T
  : T extends Array<infer U>
    ? Array<DeepPartial<U>>
    : T extends ReadonlyArray<infer U>
      ? ReadonlyArray<DeepPartial<U>>
      : T extends object
        ? { [K in keyof T]?: DeepPartial<T[K]> }
        : Partial<T>;

export interface MessageFns<T> {
  encode(message: T, writer?: BinaryWriter): BinaryWriter;
  decode(input: BinaryReader | Uint8Array, length?: number): T;
  fromJSON(object: unknown): T;
  toJSON(message: T): unknown;
  fromPartial(object: DeepPartial<T>): T;
}

export interface Codec<T> {
  /** Fully-qualified protobuf message name, e.g. `demarches.dossier.v1.DossierDeposited`. */
  readonly schema: string;
  readonly fns: MessageFns<T>;
}

export function codec<T>(schema: string, fns: MessageFns<T>): Codec<T> {
  return { schema, fns };
}

export function encodeMessage<T>(c: Codec<T>, message: T): Uint8Array {
  return c.fns.encode(message).finish();
}

/** Decodes and throws on malformed bytes (the caller decides: dead-letter topic for consumers). */
export function decodeMessage<T>(c: Codec<T>, bytes: Uint8Array): T {
  return c.fns.decode(bytes);
}
