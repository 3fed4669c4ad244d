import { isLive, type LiveStatusCode, normalizeOperatorName, type Operator } from "../../api";
import { parseResourceId } from "../resource-id";
import type { OrganizationRosterInputs } from "./inputs";

/** A live operator a roster key is tied to. */
export interface Claimed {
  id: number;
  status: LiveStatusCode;
  /** True when the roster did not manage it before this run: matched by import or by name. */
  adopted: boolean;
}

/** What `up` must do to make one organization look like its roster. */
export interface ConvergencePlan {
  /** Keys already tied to a live operator (managed before, or adopted now). */
  claimed: Map<string, Claimed>;
  /** Keys with no live operator: to create. */
  create: string[];
  /** Operators the roster managed and no longer names (or renamed): status 2. */
  retire: Operator[];
  /** Live operators nobody claims: `unmanaged` decides. */
  unmanaged: Operator[];
  /** What stops the run before any write (an import of an operator that is gone). */
  problems: string[];
}

/**
 * Ties every roster key to a live operator, in this order: its `import` id; the operator it
 * managed before, if the name still matches (case-insensitively, as ChatHub compares names); a
 * live operator of the same name (adoption, never a duplicate). An operator with status 2 is gone:
 * never claimed. Everyone live and left over is unmanaged, except what the roster used to manage.
 */
export function planConvergence(
  desired: OrganizationRosterInputs,
  previousIds: Readonly<Record<string, number>>,
  live: readonly Operator[],
): ConvergencePlan {
  const alive = live.filter(isLive);
  const byId = new Map(alive.map((operator) => [operator.id, operator]));
  const taken = new Set<number>();
  const claimed = new Map<string, Claimed>();
  const problems: string[] = [];
  const entries = Object.entries(desired.operators);
  const claim = (key: string, operator: Operator & { status: LiveStatusCode }, adopted: boolean) => {
    taken.add(operator.id);
    claimed.set(key, { id: operator.id, status: operator.status, adopted });
  };

  for (const [key, member] of entries) {
    if (member.import === undefined) continue;
    const { organizationId, operatorId } = parseResourceId(member.import);
    const operator = organizationId === desired.organizationId ? byId.get(operatorId) : undefined;
    if (!operator) {
      problems.push(
        `entry "${key}" (${JSON.stringify(member.name)}): import "${member.import}": organization ${desired.organizationId} has no live operator ${operatorId}; check the id (npx pulumi-chathub export --org ${desired.organizationId} lists them) or remove import`,
      );
    } else if (taken.has(operator.id)) {
      problems.push(
        `entry "${key}": import "${member.import}" is already claimed by another entry: each operator once`,
      );
    } else {
      claim(key, operator, previousIds[key] !== operator.id);
    }
  }
  for (const [key, member] of entries) {
    const previous = byId.get(previousIds[key] ?? 0);
    if (claimed.has(key) || member.import !== undefined || !previous || taken.has(previous.id)) continue;
    if (normalizeOperatorName(previous.name) === normalizeOperatorName(member.name))
      claim(key, previous, false);
  }
  const create: string[] = [];
  for (const [key, member] of entries) {
    if (claimed.has(key) || member.import !== undefined) continue;
    const name = normalizeOperatorName(member.name);
    const sameName = alive.find(
      (operator) => !taken.has(operator.id) && normalizeOperatorName(operator.name) === name,
    );
    if (sameName) claim(key, sameName, true);
    else create.push(key);
  }
  const managedBefore = new Set(Object.values(previousIds));
  const retire = alive.filter((operator) => managedBefore.has(operator.id) && !taken.has(operator.id));
  const unmanaged = alive.filter((operator) => !managedBefore.has(operator.id) && !taken.has(operator.id));
  return { claimed, create, retire, unmanaged, problems };
}
