const REDACTED = "[redacted]";

/**
 * Removes secrets (a token, a password, tokens obtained by signing in) from text, so that nothing
 * a server echoes back (or a user mistypes into another setting) can carry the token into an error.
 */
export class Redactor {
  readonly #secrets = new Set<string>();

  constructor(...secrets: string[]) {
    for (const secret of secrets) this.add(secret);
  }

  /** Redacts this secret too from now on (e.g. a token just obtained by signing in). */
  add(secret: string): void {
    if (secret.length > 0) this.#secrets.add(secret);
  }

  text(value: string): string {
    let redacted = value;
    for (const secret of this.#secrets) redacted = redacted.split(secret).join(REDACTED);
    return redacted;
  }
}
