import {
  type ChatHubClient,
  isChatHubApiError,
  isLive,
  liveStatusName,
  OPERATOR_STATUS,
  type Operator,
  type OperatorStatusCode,
  statusCode,
} from "../../api";
import { datedChangeNote } from "../../roster/active-window";
import { now } from "../clock";
import { messageOf } from "../messages";
import { PartialFailure } from "../partial-failure";
import { formatResourceId, parseResourceId } from "../resource-id";
import type { ProviderRuntime } from "../runtime";
import {
  type CheckedOperatorInputs,
  checkOperatorInputs,
  DATED_PROPERTIES,
  type OperatorInputs,
  type OperatorState,
} from "./inputs";

/**
 * One operator's life in ChatHub, whichever way Pulumi reaches it: create = synchronize (batched
 * per organization), read = list and find by id, update = status, delete = status 2. Each takes
 * the process's runtime (one client, one batcher per organization) and plain values.
 */

/**
 * The inputs checked as `pulumi preview` checks them: settings first (a missing token or a
 * malformed base URL stops here, before any request), then the values, then whether the
 * credentials can see the organization (one organization list per deployment).
 */
export async function checkOperator(
  runtime: ProviderRuntime,
  raw: Record<string, unknown>,
  resource?: string,
): Promise<CheckedOperatorInputs> {
  runtime.validateSettings();
  const result = checkOperatorInputs(raw, resource);
  if (!result.ok || result.inputs.organizationId === undefined) return result;
  const problem = await runtime.organizationProblem(result.inputs.organizationId);
  return problem === undefined
    ? result
    : { ok: false, failures: [{ property: "organizationId", reason: problem }] };
}

/**
 * Why a date changes the operator's status since it was last recorded (`recorded`: the status of
 * the old inputs), for the preview to say; undefined when no date is the cause.
 */
export function datedOperatorNote(desired: OperatorInputs, recorded: unknown): string | undefined {
  const before = recorded === "active" || recorded === "inactive" ? recorded : undefined;
  return datedChangeNote(JSON.stringify(desired.name), {
    window: desired,
    timeZone: desired.timeZone,
    now: now(),
    before,
    after: desired.status,
  });
}

/** Creates (or adopts, or imports) the operator; a status call that fails after it throws PartialFailure. */
export async function createOperator(
  runtime: ProviderRuntime,
  desired: OperatorInputs,
): Promise<{ id: string; state: OperatorState }> {
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
      throw new PartialFailure(
        `Operator "${desired.name}" was created as ${id} but setting its status to ${desired.status} failed: ${messageOf(error)}. Run \`pulumi up\` again to finish.`,
        id,
        { ...state, status: liveStatusName(found.status) },
      );
    }
  }
  const organizationName = await runtime.organizationName(desired.organizationId);
  return { id, state: organizationName === undefined ? state : { ...state, organizationName } };
}

/**
 * The operator as it is live, and the inputs a program would write to describe it; undefined
 * when it is gone (missing, or soft-deleted), so Pulumi drops it and the next `up` re-creates it.
 */
export async function readOperator(
  runtime: ProviderRuntime,
  id: string,
  previous: Partial<OperatorState>,
): Promise<{ state: OperatorState; inputs: OperatorInputs } | undefined> {
  const { organizationId, operatorId } = parseResourceId(id);
  const live = (await runtime.client().listOperators(organizationId)).find(
    (operator) => operator.id === operatorId,
  );
  if (!live || !isLive(live)) return undefined;
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
  Object.assign(state, datedPart(previous));
  return { state, inputs: inputsOf(state) };
}

/** Changes the status in place (name and organization changes are replacements, see diff.ts). */
export async function updateOperator(
  runtime: ProviderRuntime,
  id: string,
  old: OperatorState,
  desired: OperatorInputs,
): Promise<OperatorState> {
  const { organizationId, operatorId } = parseResourceId(id);
  if (old.status !== desired.status) {
    await explainMissing(runtime, id, () =>
      runtime.client().setStatus(operatorId, statusCode(desired.status), organizationId),
    );
  }
  const state = stateOf(desired, operatorId, statusCode(desired.status));
  return old.organizationName === undefined ? state : { ...state, organizationName: old.organizationName };
}

/** Status 2; an operator already gone is what delete wants. */
export async function deleteOperator(runtime: ProviderRuntime, id: string): Promise<void> {
  const { organizationId, operatorId } = parseResourceId(id);
  try {
    await runtime.client().setStatus(operatorId, OPERATOR_STATUS.deleted, organizationId);
  } catch (error) {
    if (isChatHubApiError(error) && error.kind === "not-found") return;
    throw error;
  }
}

function stateOf(desired: OperatorInputs, operatorId: number, status: OperatorStatusCode): OperatorState {
  const state: OperatorState = {
    organizationId: desired.organizationId,
    name: desired.name,
    status: liveStatusName(status),
    adopt: desired.adopt,
    operatorId,
  };
  if (desired.importFrom !== undefined) state.importFrom = desired.importFrom;
  return { ...state, ...datedPart(desired) };
}

/** The dates and time zone, only those set: the state of an undated operator is as before. */
function datedPart(from: Partial<OperatorInputs>): Partial<OperatorInputs> {
  const part: Partial<OperatorInputs> = {};
  for (const key of DATED_PROPERTIES) if (from[key] !== undefined) part[key] = from[key];
  return part;
}

/** The inputs a program would give to describe an operator as it is. */
function inputsOf(state: OperatorState): OperatorInputs {
  const { organizationId, name, status, adopt, importFrom } = state;
  const inputs: OperatorInputs = { organizationId, name, status, adopt, ...datedPart(state) };
  return importFrom === undefined ? inputs : { ...inputs, importFrom };
}

/** `importFrom: "24/104"`: take over an existing operator as it is, changing nothing. */
async function findImported(client: ChatHubClient, desired: OperatorInputs, importId: string) {
  const { organizationId, operatorId } = parseResourceId(importId);
  const live = await client.findById(organizationId, operatorId);
  if (!live || !isLive(live)) {
    throw new Error(
      `Cannot import ${importId}: organization ${organizationId} has no live operator ${operatorId}. ` +
        `Check the id (\`npx pulumi-chathub export --org ${organizationId}\` lists them), or remove the import option to create a new operator.`,
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
async function explainMissing(
  runtime: ProviderRuntime,
  id: string,
  call: () => Promise<void>,
): Promise<void> {
  try {
    await call();
  } catch (error) {
    if (isChatHubApiError(error) && (error.kind === "not-found" || (await isGone(runtime, id)))) {
      throw new Error(
        `Operator ${id} no longer exists in ChatHub (deleted by hand?). Run \`pulumi refresh\` to drop it from the state; the next \`pulumi up\` creates it again.`,
      );
    }
    throw error;
  }
}

/** Whether ChatHub no longer has the operator live (missing or deleted); false when it cannot tell. */
async function isGone(runtime: ProviderRuntime, id: string): Promise<boolean> {
  const { organizationId, operatorId } = parseResourceId(id);
  try {
    const live = await runtime.client().findById(organizationId, operatorId);
    return !live || !isLive(live);
  } catch {
    return false;
  }
}
