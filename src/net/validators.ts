/** Conditional-request validators (RFC 9110 §8.8): what a server gave, sent back to ask "anything new?". */
export interface Validators {
  etag?: string;
  lastModified?: string;
}

/** Where validators live between fetches; the app persists them with its sources. */
export interface ValidatorStore {
  get(url: string): Validators | undefined;
  set(url: string, validators: Validators): void;
}

export class MemoryValidatorStore implements ValidatorStore {
  private readonly map = new Map<string, Validators>();
  get(url: string): Validators | undefined {
    return this.map.get(url);
  }
  set(url: string, validators: Validators): void {
    if (validators.etag || validators.lastModified) this.map.set(url, { ...validators });
    else this.map.delete(url);
  }
}
