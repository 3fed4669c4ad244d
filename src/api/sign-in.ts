import type { CompanyCredentials } from "./credentials";
import type { Redactor } from "./redact";

/**
 * The company token a client sends: the one configured, or one obtained by signing in with the
 * company login. It signs in once, on first use, and again only when a call is refused with the
 * token it used (an expired token): concurrent refusals share that one sign-in. The token obtained
 * lives in this object only, and is added to the redactor so no error can carry it.
 */
export class CompanyTokenSource {
  readonly #credentials: CompanyCredentials;
  readonly #signIn: (login: string, password: string) => Promise<string>;
  readonly #redactor: Redactor;
  #current: Promise<string> | undefined;
  /** The token the last sign-in obtained; undefined while one is in flight. */
  #obtained: string | undefined;

  constructor(
    credentials: CompanyCredentials,
    signIn: (login: string, password: string) => Promise<string>,
    redactor: Redactor,
  ) {
    this.#credentials = credentials;
    this.#signIn = signIn;
    this.#redactor = redactor;
  }

  /** Whether a refused token can be replaced (only a token obtained by signing in can). */
  get renewable(): boolean {
    return this.#credentials.kind === "login";
  }

  /** The token to send now (signing in first, once, when there is none yet). */
  token(): Promise<string> {
    if (this.#credentials.kind === "token") return Promise.resolve(this.#credentials.token);
    this.#current ??= this.#startSignIn();
    return this.#current;
  }

  /** A token other than `refused`: the one a sign-in already in flight brings, or a new sign-in's. */
  renew(refused: string): Promise<string> {
    if (this.#credentials.kind === "token") return Promise.resolve(this.#credentials.token);
    if (this.#current === undefined || this.#obtained === refused) this.#current = this.#startSignIn();
    return this.#current;
  }

  #startSignIn(): Promise<string> {
    if (this.#credentials.kind !== "login") throw new Error("no login to sign in with");
    this.#obtained = undefined;
    const signingIn = this.#signIn(this.#credentials.login, this.#credentials.password).then((token) => {
      this.#redactor.add(token);
      if (this.#current === signingIn) this.#obtained = token;
      return token;
    });
    // A failed sign-in is not kept: the next call tries again.
    signingIn.catch(() => {
      if (this.#current === signingIn) this.#current = undefined;
    });
    return signingIn;
  }
}
