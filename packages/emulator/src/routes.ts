import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { grantCovers, type OrganizationGrant } from "./access";
import { dropConnection } from "./api-gate";
import type { EmulatorContext } from "./context";
import {
  type FieldProblem,
  listQuerySchema,
  type SynchronizeEntry,
  statusChangeSchema,
  synchronizeEntrySchema,
  toFieldProblems,
} from "./request-schemas";
import { OperatorStatus } from "./store";

/** The gate authenticated every request that reaches a route; anything else is a wiring bug. */
function grantOf(request: FastifyRequest): OrganizationGrant {
  if (request.organizationGrant === null) throw new Error("route reached without authentication");
  return request.organizationGrant;
}

/** The spec says POST bodies are application/json; a body of any other type never reaches a route (see error-answers). */
function hasJsonContentType(request: FastifyRequest): boolean {
  return /^application\/json\s*(;|$)/i.test(request.headers["content-type"] ?? "");
}

function refuseWrongContentType(reply: FastifyReply): FastifyReply {
  return reply.code(400).send({ message: "Content-Type must be application/json" });
}

/** The answer to a token that may not reach an organization, under noAccess "401" or "403". */
function refuseOrganization(reply: FastifyReply, mode: "401" | "403", organizationId: number): FastifyReply {
  const message =
    mode === "401"
      ? `authentication failed: the company token has no access to organization ${organizationId}`
      : `forbidden: the company token has no access to organization ${organizationId}`;
  return reply.code(Number(mode)).send({ message });
}

/** The three ChatHub operator endpoints, as the vendor documents them. */
export function registerApiRoutes(app: FastifyInstance, context: EmulatorContext): void {
  const { store } = context;

  app.get("/api/operator", async (request, reply) => {
    const query = listQuerySchema.safeParse(request.query);
    if (!query.success) {
      return reply
        .code(400)
        .send({ message: "Invalid query", errors: toFieldProblems(query.error, "query") });
    }
    const { organizationId } = query.data;
    const behaviour = context.behaviour();
    const organization = store.organization(organizationId);
    const reachable = organization !== undefined && grantCovers(grantOf(request), organizationId);
    if (organization && !reachable && behaviour.noAccess !== "empty") {
      return refuseOrganization(reply, behaviour.noAccess, organizationId);
    }
    // An unknown organization lists as empty: the vendor's troubleshooting for "no operators returned".
    const listed = reachable
      ? store
          .operators(organizationId)
          .filter(
            (operator) => behaviour.listDeleted === "show" || operator.status !== OperatorStatus.Deleted,
          )
          .map(({ id, name, status }) => ({ id, name, status, organization: { ...organization } }))
      : [];
    return reply.type(`${behaviour.listContentType}; charset=utf-8`).send(JSON.stringify(listed));
  });

  app.post("/api/operator/synchronize", async (request, reply) => {
    if (!hasJsonContentType(request)) return refuseWrongContentType(reply);
    const body: unknown = request.body;
    if (!Array.isArray(body)) {
      return reply.code(400).send({
        message: "Invalid operator data",
        errors: [{ field: "body", message: "the body must be a JSON array of { organizationId, name }" }],
      });
    }
    const behaviour = context.behaviour();
    const grant = grantOf(request);
    const problems: FieldProblem[] = [];
    const entries: SynchronizeEntry[] = [];
    let refusedOrganization: number | undefined;
    body.forEach((candidate: unknown, index) => {
      const entry = synchronizeEntrySchema.safeParse(candidate);
      if (!entry.success) {
        problems.push(...toFieldProblems(entry.error, "entry", index));
        return;
      }
      const { organizationId } = entry.data;
      const exists = store.organization(organizationId) !== undefined;
      if (exists && !grantCovers(grant, organizationId) && behaviour.noAccess !== "empty") {
        refusedOrganization ??= organizationId;
      } else if (!exists || !grantCovers(grant, organizationId)) {
        problems.push({ index, field: "organizationId", message: "organization not found" });
      }
      entries.push(entry.data);
    });
    if (refusedOrganization !== undefined && behaviour.noAccess !== "empty") {
      return refuseOrganization(reply, behaviour.noAccess, refusedOrganization);
    }
    if (problems.length > 0) {
      return reply.code(400).send({ message: "Invalid operator data", errors: problems });
    }

    // All or nothing: everything was validated above, and nothing is awaited until every entry is applied.
    const synchronized = entries.map(({ organizationId, name }) => {
      const existing =
        behaviour.duplicateNames === "reuse" ? store.findLiveOperatorByName(organizationId, name) : undefined;
      const operator = existing ?? store.createOperator(organizationId, name);
      return { id: operator.id, name: operator.name, status: operator.status };
    });
    context.counters.countSynchronized(synchronized.length);
    await context.persist();

    if (context.faults.shouldDropSynchronizeAnswer()) {
      dropConnection(context, request, reply);
      return reply;
    }
    return reply.code(200).send(synchronized);
  });

  app.post("/api/operator/status", async (request, reply) => {
    if (!hasJsonContentType(request)) return refuseWrongContentType(reply);
    const change = statusChangeSchema.safeParse(request.body);
    if (!change.success) {
      return reply
        .code(400)
        .send({ message: "Invalid status data", errors: toFieldProblems(change.error, "body") });
    }
    const { id, status } = change.data;
    const behaviour = context.behaviour();
    const operator = store.operator(id);
    const notFound = { message: `operator ${id} not found` };
    if (!operator) return reply.code(404).send(notFound);
    if (!grantCovers(grantOf(request), operator.organizationId)) {
      if (behaviour.noAccess === "empty") return reply.code(404).send(notFound);
      return refuseOrganization(reply, behaviour.noAccess, operator.organizationId);
    }
    if (
      operator.status === OperatorStatus.Deleted &&
      status !== OperatorStatus.Deleted &&
      !behaviour.reactivateDeleted
    ) {
      return reply.code(400).send({
        message: "operator is deleted",
        errors: [{ field: "status", message: `operator ${id} is deleted and cannot be re-activated` }],
      });
    }
    store.setStatus(id, status);
    await context.persist();
    // The spec: success is 200 with an empty body.
    return reply.code(200).send();
  });
}
