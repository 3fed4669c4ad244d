import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { emulatorBehaviourPatchSchema } from "./behaviour";
import type { CallFault } from "./call-faults";
import type { EmulatorContext } from "./context";
import { describeNameProblem } from "./operator-name";
import { toFieldProblems } from "./request-schemas";

const operatorIdParams = z.object({ id: z.coerce.number().int().positive() });
const statusBody = z.object({ status: z.union([z.literal(0), z.literal(1), z.literal(2)]) });
const newOperatorBody = z.object({
  organizationId: z.number().int().positive(),
  name: z.string(),
  status: z.union([z.literal(0), z.literal(1), z.literal(2)]).optional(),
});

/**
 * The emulator's own control surface, outside /api: no authentication, not counted,
 * no faults. It lets another process (a benchmark, a demo) watch and steer the emulator.
 */
export function registerAdminRoutes(app: FastifyInstance, context: EmulatorContext): void {
  const { store } = context;

  app.get("/_emulator/counters", async () => context.counters.snapshot());

  app.post("/_emulator/counters/reset", async () => {
    context.counters.reset();
    return context.counters.snapshot();
  });

  app.get("/_emulator/behaviour", async () => context.behaviour());

  app.patch("/_emulator/behaviour", async (request, reply) => {
    const patch = emulatorBehaviourPatchSchema.safeParse(request.body ?? {});
    if (!patch.success) {
      return reply
        .code(400)
        .send({ message: "Invalid behaviour", errors: toFieldProblems(patch.error, "body") });
    }
    context.setBehaviour(patch.data);
    return context.behaviour();
  });

  // Faults aimed at chosen calls of a route: { route, call?, times?, answer } (see call-faults.ts).
  app.get("/_emulator/faults", async () => context.callFaults.list());

  app.post("/_emulator/faults", async (request, reply) => {
    try {
      context.callFaults.arm(request.body as CallFault);
    } catch (error) {
      return reply.code(400).send({ message: (error as Error).message });
    }
    return reply.code(201).send(context.callFaults.list());
  });

  app.delete("/_emulator/faults", async () => {
    context.callFaults.clear();
    return [];
  });

  app.get("/_emulator/organizations", async () => store.organizations());

  app.get("/_emulator/operators", async () => store.operators());

  // A change made "by hand in the ChatHub UI", behind the API's back (drift demonstrations).
  app.post("/_emulator/operators", async (request, reply) => {
    const body = newOperatorBody.safeParse(request.body);
    if (!body.success) {
      return reply
        .code(400)
        .send({ message: "Invalid operator", errors: toFieldProblems(body.error, "body") });
    }
    const { organizationId, name, status } = body.data;
    if (!store.organization(organizationId)) {
      return reply.code(400).send({ message: `organization ${organizationId} does not exist` });
    }
    const nameProblem = describeNameProblem(name);
    if (nameProblem) return reply.code(400).send({ message: nameProblem });
    const operator = store.createOperator(organizationId, name, status);
    await context.persist();
    return reply.code(201).send(operator);
  });

  app.post("/_emulator/operators/:id/status", async (request, reply) => {
    const params = operatorIdParams.safeParse(request.params);
    const body = statusBody.safeParse(request.body);
    if (!params.success || !body.success) {
      const errors = [
        ...(params.success ? [] : toFieldProblems(params.error, "id")),
        ...(body.success ? [] : toFieldProblems(body.error, "body")),
      ];
      return reply.code(400).send({ message: "Invalid status change", errors });
    }
    if (!store.operator(params.data.id)) {
      return reply.code(404).send({ message: `operator ${params.data.id} not found` });
    }
    store.setStatus(params.data.id, body.data.status);
    await context.persist();
    return store.operator(params.data.id);
  });

  app.get("/_emulator/invariants", async () => ({ violations: store.checkInvariants() }));
}
