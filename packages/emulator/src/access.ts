/** The company token the emulator accepts for every organization unless told otherwise. */
export const DEFAULT_EMULATOR_TOKEN = "chathub-emulator-token";

/** The organizations a company token may reach. */
export type OrganizationGrant = ReadonlySet<number> | "*";

export type Authentication = { ok: true; grant: OrganizationGrant } | { ok: false; message: string };

/** The headers a request can carry its company token in; the vendor documents both. */
export interface TokenHeaders {
  authorization?: string | undefined;
  "x-authorization-key"?: string | string[] | undefined;
}

const BEARER = /^Bearer[ \t]+(\S+)[ \t]*$/i;

/**
 * The company tokens the emulator accepts and what each may reach.
 * Failure messages never repeat the token: it is a secret even in an emulator.
 */
export class TokenRegistry {
  private readonly grants = new Map<string, OrganizationGrant>();
  /** Authenticated requests left to tokens that expire (issued by sign-in under a limit). */
  private readonly usesLeft = new Map<string, number>();

  constructor(tokens: Record<string, readonly number[] | "*">) {
    for (const [token, organizations] of Object.entries(tokens)) this.grant(token, organizations);
  }

  /** Accepts `token` for these organizations; with `maxRequests`, it expires after that many requests. */
  grant(token: string, organizations: readonly number[] | "*", maxRequests?: number | null): void {
    if (token.trim() === "" || /\s/.test(token)) {
      throw new Error("a company token must be non-empty and contain no whitespace");
    }
    this.grants.set(token, organizations === "*" ? "*" : new Set(organizations));
    if (maxRequests !== undefined && maxRequests !== null) this.usesLeft.set(token, maxRequests);
  }

  /** `Authorization: Bearer <token>` (recommended), or `X-Authorization-Key: <token>`. */
  authenticate(headers: TokenHeaders): Authentication {
    const key = headers["x-authorization-key"];
    if (headers.authorization === undefined && typeof key === "string" && key.trim() !== "") {
      return this.check(key.trim());
    }
    if (headers.authorization === undefined) {
      return {
        ok: false,
        message: "authentication failed: the Authorization (or X-Authorization-Key) header is missing",
      };
    }
    const token = BEARER.exec(headers.authorization)?.[1];
    if (token === undefined) {
      return {
        ok: false,
        message: "authentication failed: the Authorization header must be 'Bearer <company-token>'",
      };
    }
    return this.check(token);
  }

  private check(token: string): Authentication {
    const grant = this.grants.get(token);
    const usesLeft = this.usesLeft.get(token);
    if (grant === undefined || usesLeft === 0) {
      return { ok: false, message: "authentication failed: the company token is invalid or expired" };
    }
    if (usesLeft !== undefined) this.usesLeft.set(token, usesLeft - 1);
    return { ok: true, grant };
  }
}

export function grantCovers(grant: OrganizationGrant, organizationId: number): boolean {
  return grant === "*" || grant.has(organizationId);
}
