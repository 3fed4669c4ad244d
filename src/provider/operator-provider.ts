import type * as pulumi from "@pulumi/pulumi";
import {
  type ChatHubClient,
  isChatHubApiError,
  isLive,
  liveStatusName,
  OPERATOR_STATUS,
  type Operator,
  type OperatorStatusCode,
  statusCode,
} from "../api";
import { diffOperator } from "./operator-diff";
import {
  checkOperatorInputs,
  type OperatorInputs,
  type OperatorState,
  PROVIDER_KEY,
  parseCheckedInputs,
} from "./operator-inputs";
import { partialResultError, storable } from "./partial-result";
import { formatResourceId, parseResourceId } from "./resource-id";
import { providerRuntime } from "./shared-runtime";

/** One per provider process: every ChatHubOperator (and roster) of the deployment shares it. */
const runtime = providerRuntime;

/**
 * The ChatHubOperator provider: create = synchronize (batched per organization), read = list
 * and find by id, update = status, delete = status 2.
 */
export const operatorProvider: pulumi.dynamic.ResourceProvider = {
  async configure(request) {
    runtime.configure(request.config);
  },

  async check(_olds, news) {
    // A missing token or a malformed base URL stops the preview here, before any request.
    runtime.validateSettings();
    const result = checkOperatorInputs(news);
    if (!result.ok) return { inputs: news, failures: result.failures };
    // Only then ask ChatHub (one organization list per deployment) whether the organization is visible.
    const { organizationId } = result.inputs;
    const organizationProblem =
      organizationId === undefined ? undefined : await runtime.organizationProblem(organizationId);
    if (organizationProblem !== undefined) {
      return { inputs: news, failures: [{ property: "organizationId", reason: organizationProblem }] };
    }
    // Keep unknown values as they are; the real run checks them.
    const unknowns = Object.fromEntries(result.unknown.map((key) => [key, news[key]]));
    return { inputs: { ...result.inputs, ...unknowns, [PROVIDER_KEY]: news[PROVIDER_KEY] } };
  },

  async diff(id, olds, news) {
    return diffOperator(id, olds as OperatorState, parseCheckedInputs(news));
  },

  async create(inputs) {
    const desired = parseCheckedInputs(inputs);
    const client = runtime.client();
    const found = desired.importFrom
      ? await findImported(client, desired, desired.importFrom)
      : await runtime.createBatcher(desired.organizationId).create(desired.name, desired.adopt);
    const id = formatResourceId(desired.organizationId, found.id);
    const wanted = statusCode(desired.status);
    const state = stateOf(desired, found.id, wanted);
    if (found.status !== wanted) {
      try {
        await client.setStatus(found.id, wanted, desired.organizationId);
      } catch (error) {
        // The operator exists: Pulumi must record it, so the next `up` updates it instead of creating another.
        throw partialResultError(
          `Operator "${desired.name}" was created as ${id} but setting its status to ${desired.status} failed: ${messageOf(error)}. Run \`pulumi up\` again to finish.`,
          id,
          { ...state, status: liveStatusName(found.status) },
          inputs,
        );
      }
    }
    return {
      id,
      outs: storable({ ...state, organizationName: await runtime.organizationName(desired.organizationId) }),
    };
  },

  async read(id, props) {
    const { organizationId, operatorId } = parseResourceId(id);
    const client = runtime.client();
    const live = (await client.listOperators(organizationId)).find((operator) => operator.id === operatorId);
    // Gone (missing, or soft-deleted): no id, so Pulumi drops it and the next `up` re-creates it.
    if (!live || !isLive(live)) return { id: "", props: {} };
    const previous = props as Partial<OperatorState>;
    const state: OperatorState = {
      organizationId,
      // Names are compared trimmed everywhere (inputs are trimmed), so a name stored with
      // surrounding blanks does not look like a rename.
      name: live.name.trim(),
      status: liveStatusName(live.status),
      adopt: previous.adopt ?? false,
      operatorId,
      organizationName: live.organization.name,
    };
    if (previous.importFrom !== undefined) state.importFrom = previous.importFrom;
    // Inputs that mirror what is live (SDK >= 3.216): the next diff compares the program with
    // ChatHub, so `preview --diff` prints `status: "inactive" => "active"`, not a bare update.
    return { id, props: state, inputs: inputsOf(state) };
  },

  async update(id, olds, news) {
    const desired = parseCheckedInputs(news);
    const { organizationId, operatorId } = parseResourceId(id);
    const old = olds as OperatorState;
    if (old.status !== desired.status) {
      await explainMissing(id, () =>
        runtime.client().setStatus(operatorId, statusCode(desired.status), organizationId),
      );
    }
    return {
      outs: storable({
        ...stateOf(desired, operatorId, statusCode(desired.status)),
        organizationName: old.organizationName,
      }),
    };
  },

  async delete(id) {
    const { organizationId, operatorId } = parseResourceId(id);
    try {
      await runtime.client().setStatus(operatorId, OPERATOR_STATUS.deleted, organizationId);
    } catch (error) {
      // Already gone is what delete wants.
      if (isChatHubApiError(error) && error.kind === "not-found") return;
      throw error;
    }
  },
};

function stateOf(desired: OperatorInputs, operatorId: number, status: OperatorStatusCode): OperatorState {
  const state: OperatorState = {
    organizationId: desired.organizationId,
    name: desired.name,
    status: liveStatusName(status),
    adopt: desired.adopt,
    operatorId,
  };
  if (desired.importFrom !== undefined) state.importFrom = desired.importFrom;
  return state;
}

/** The inputs a program would give to describe an operator as it is (the check()ed keys only). */
function inputsOf(state: OperatorState): OperatorInputs {
  const { organizationId, name, status, adopt, importFrom } = state;
  return importFrom === undefined
    ? { organizationId, name, status, adopt }
    : { organizationId, name, status, adopt, importFrom };
}

/** `import: "24/104"`: take over an existing operator as it is, changing nothing. */
async function findImported(client: ChatHubClient, desired: OperatorInputs, importId: string) {
  const { organizationId, operatorId } = parseResourceId(importId);
  const live = await client.findById(organizationId, operatorId);
  if (!live || !isLive(live)) {
    throw new Error(
      `Cannot import ${importId}: organization ${organizationId} has no live operator ${operatorId}. ` +
        "Check the id (`npx pulumi-chathub export --org " +
        organizationId +
        "` lists them), or remove the import option to create a new operator.",
    );
  }
  const mismatches = importMismatches(live, desired);
  if (mismatches.length > 0) {
    throw new Error(
      `Cannot import ${importId} without changing it: ${mismatches.join("; ")}. ` +
        "Make the program describe the operator as it is, import it, then change it in a later `pulumi up`.",
    );
  }
  return { id: live.id, name: live.name, status: live.status };
}

function importMismatches(live: Operator, desired: OperatorInputs): string[] {
  const mismatches: string[] = [];
  if (live.name.trim() !== desired.name)
    mismatches.push(`its name is "${live.name}", the program says "${desired.name}"`);
  if (live.status !== statusCode(desired.status)) {
    mismatches.push(`its status is ${liveStatusName(live.status)}, the program says ${desired.status}`);
  }
  return mismatches;
}

/**
 * Runs a status change; when ChatHub refuses it because the operator is gone (404, or a 400 for
 * a deleted operator: the vendor does not say which), says so and how to recover.
 */
async function explainMissing(id: string, call: () => Promise<void>): Promise<void> {
  try {
    await call();
  } catch (error) {
    if (isChatHubApiError(error) && (error.kind === "not-found" || (await isGone(id)))) {
      throw new Error(
        `Operator ${id} no longer exists in ChatHub (deleted by hand?). Run \`pulumi refresh\` to drop it from the state; the next \`pulumi up\` creates it again.`,
      );
    }
    throw error;
  }
}

/** Whether ChatHub no longer has the operator live (missing or deleted); false when it cannot tell. */
async function isGone(id: string): Promise<boolean> {
  const { organizationId, operatorId } = parseResourceId(id);
  try {
    const live = await runtime.client().findById(organizationId, operatorId);
    return !live || !isLive(live);
  } catch {
    return false;
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
