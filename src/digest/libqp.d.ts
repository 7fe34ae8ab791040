// libqp (nodemailer's quoted-printable codec) ships no types; the one function used here.
declare module 'libqp' {
  /** Quoted-printable text to its bytes (soft line breaks removed). */
  export function decode(text: string): Buffer;
}
