/** One paper as read from a digest, before it meets the library. */
export interface DigestEntry {
  title: string;
  abstract: string;
  /** 1-based line of the title in the (normalised) text. */
  line: number;
}

export interface SkippedLine {
  line: number;
  text: string;
  reason: string;
}

export interface ParsedDigest {
  format: string;
  entries: DigestEntry[];
  skipped: SkippedLine[];
}

/** A digest format: recognises its own text (0 = not mine, 1 = certainly mine) and reads it. */
export interface DigestFormat {
  name: string;
  detect(lines: string[]): number;
  parse(lines: string[]): ParsedDigest;
}
