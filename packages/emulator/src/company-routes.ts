import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { grantCovers } from "./access";
import { newCompanyToken } from "./company-logins";
import type { EmulatorContext } from "./context";
import { toFieldProblems } from "./request-schemas";

const signInBody = z.object({
  login: z.string({ error: "login is required" }).min(1, { error: "login must not be empty" }),
  password: z.string({ error: "password is required" }).min(1, { error: "password must not be empty" }),
});

/** The company endpoints the vendor documents beside the operator API: organizations and sign-in. */
export function registerCompanyRoutes(app: FastifyInstance, context: EmulatorContext): void {
  // Every organization the token can see; the others simply are not listed.
  app.get("/api/company/organization", async (request, reply) => {
    const grant = request.organizationGrant;
    if (grant === null) throw new Error("route reached without authentication");
    const visible = context.store
      .organizations()
      .filter((organization) => grantCovers(grant, organization.id))
      .map(({ id, name }) => ({ id, name }));
    return reply.type(`${context.behaviour().listContentType}; charset=utf-8`).send(JSON.stringify(visible));
  });

  // The token is the whole answer, as a JSON string; it expires under signedInTokenRequests.
  app.post("/api/company/get-token", async (request, reply) => {
    if (!/^application\/json\s*(;|$)/i.test(request.headers["content-type"] ?? "")) {
      return reply.code(400).send({ message: "Content-Type must be application/json" });
    }
    const body = signInBody.safeParse(request.body);
    if (!body.success) {
      return reply
        .code(400)
        .send({ message: "Invalid sign-in data", errors: toFieldProblems(body.error, "body") });
    }
    const organizations = context.logins.verify(body.data.login, body.data.password);
    if (organizations === undefined) {
      return reply.code(401).send({ message: "authentication failed: wrong login or password" });
    }
    const token = newCompanyToken();
    context.tokens.grant(token, organizations, context.behaviour().signedInTokenRequests);
    return reply.type("application/json; charset=utf-8").send(JSON.stringify(token));
  });
}
