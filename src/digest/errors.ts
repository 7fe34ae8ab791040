/** Why a digest could not be read at all. Every failure the reader can meet has a code and a plain message. */
export type DigestErrorCode = 'empty' | 'binary' | 'too-large' | 'unrecognised';

export class DigestError extends Error {
  readonly code: DigestErrorCode;
  constructor(code: DigestErrorCode, message: string) {
    super(message);
    this.name = 'DigestError';
    this.code = code;
  }
}

/** Largest digest accepted in one import; bigger files are almost certainly not a digest. */
export { MAX_DIGEST_BYTES } from '../api/vocabulary';
