/** The company token the emulator accepts for every organization unless told otherwise. */
export const DEFAULT_EMULATOR_TOKEN = "chathub-emulator-token";

/** The organizations a company token may reach. */
export type OrganizationGrant = ReadonlySet<number> | "*";

export type Authentication = { ok: true; grant: OrganizationGrant } | { ok: false; message: string };

const BEARER = /^Bearer[ \t]+(\S+)[ \t]*$/i;

/**
 * The company tokens the emulator accepts and what each may reach.
 * Failure messages never repeat the token: it is a secret even in an emulator.
 */
export class TokenRegistry {
  private readonly grants = new Map<string, OrganizationGrant>();

  constructor(tokens: Record<string, readonly number[] | "*">) {
    for (const [token, organizations] of Object.entries(tokens)) this.grant(token, organizations);
  }

  grant(token: string, organizations: readonly number[] | "*"): void {
    if (token.trim() === "" || /\s/.test(token)) {
      throw new Error("a company token must be non-empty and contain no whitespace");
    }
    this.grants.set(token, organizations === "*" ? "*" : new Set(organizations));
  }

  authenticate(authorizationHeader: string | undefined): Authentication {
    if (authorizationHeader === undefined) {
      return { ok: false, message: "authentication failed: the Authorization header is missing" };
    }
    const token = BEARER.exec(authorizationHeader)?.[1];
    if (token === undefined) {
      return {
        ok: false,
        message: "authentication failed: the Authorization header must be 'Bearer <company-token>'",
      };
    }
    const grant = this.grants.get(token);
    if (grant === undefined) {
      return { ok: false, message: "authentication failed: the company token is invalid or expired" };
    }
    return { ok: true, grant };
  }
}

export function grantCovers(grant: OrganizationGrant, organizationId: number): boolean {
  return grant === "*" || grant.has(organizationId);
}
