const REDACTED = "[redacted]";

/**
 * Removes a secret from text and from any strings nested in plain data, so that nothing
 * a server echoes back (or a user mistypes into another setting) can carry the token into an error.
 */
export class Redactor {
  readonly #secret: string;

  constructor(secret: string) {
    this.#secret = secret;
  }

  text(value: string): string {
    return this.#secret.length > 0 ? value.split(this.#secret).join(REDACTED) : value;
  }

  data(value: unknown): unknown {
    if (typeof value === "string") return this.text(value);
    if (Array.isArray(value)) return value.map((item) => this.data(item));
    if (value !== null && typeof value === "object") {
      return Object.fromEntries(
        Object.entries(value).map(([key, item]) => [this.text(key), this.data(item)]),
      );
    }
    return value;
  }
}
