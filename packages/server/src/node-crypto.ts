/**
 * Node's `crypto` module when the server runs on Node, else `undefined` (browsers, where Storybook runs the server,
 * and runtimes without `process.getBuiltinModule`): those use Web Crypto. Not imported, so the entry stays
 * browser-safe. On Node a synchronous SHA-256 or AES-GCM call of a few kilobytes costs a few microseconds, while each
 * Web Crypto call is a job and a promise (about a tenth of a millisecond): a bulk invite makes four per invitation.
 * Only what SeatKit uses is typed here.
 */
export interface NodeCrypto {
  createHash(algorithm: 'sha256'): { update(data: string): { digest(encoding: 'hex'): string } };
  createCipheriv(algorithm: 'aes-256-gcm', key: Uint8Array, iv: Uint8Array): NodeGcm & { getAuthTag(): Uint8Array };
  createDecipheriv(algorithm: 'aes-256-gcm', key: Uint8Array, iv: Uint8Array): NodeGcm & { setAuthTag(tag: Uint8Array): void };
  randomFillSync<T extends Uint8Array>(buffer: T): T;
}

interface NodeGcm {
  update(data: Uint8Array): Uint8Array;
  final(): Uint8Array;
}

type WithBuiltins = { process?: { getBuiltinModule?: (id: string) => unknown } };

export const nodeCrypto = (globalThis as WithBuiltins).process?.getBuiltinModule?.('node:crypto') as NodeCrypto | undefined;
