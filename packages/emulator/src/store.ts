import { describeNameProblem, nameKey } from "./operator-name";

export type OperatorStatusCode = 0 | 1 | 2;

export const OperatorStatus = { Active: 0, Inactive: 1, Deleted: 2 } as const;

export interface Organization {
  id: number;
  name: string;
}

export interface Operator {
  id: number;
  name: string;
  status: OperatorStatusCode;
  organizationId: number;
}

/** Everything the store holds, in a shape that can be written to and read from JSON. */
export interface StoreSnapshot {
  organizations: Organization[];
  operators: Operator[];
  nextOperatorId: number;
}

export function isOperatorStatus(value: unknown): value is OperatorStatusCode {
  return value === 0 || value === 1 || value === 2;
}

/**
 * The emulated ChatHub database: organizations and their operators.
 * Every method is synchronous, so a request that validates and then writes can never
 * interleave with another request: the event loop is the lock.
 * Operators are never removed; status 2 is a soft delete, as in ChatHub.
 */
export class RosterStore {
  private readonly organizationsById = new Map<number, Organization>();
  private readonly operatorsById = new Map<number, Operator>();
  /** Each organization's operators in ascending id order (ids only grow, so appending keeps it sorted). */
  private readonly operatorsByOrganization = new Map<number, Operator[]>();
  private nextOperatorId: number;
  private readonly changeListeners: Array<() => void> = [];

  constructor(snapshot: StoreSnapshot) {
    for (const organization of snapshot.organizations) {
      this.organizationsById.set(organization.id, { ...organization });
      this.operatorsByOrganization.set(organization.id, []);
    }
    const operators = [...snapshot.operators].sort((a, b) => a.id - b.id);
    for (const operator of operators) {
      const copy = { ...operator };
      this.operatorsById.set(copy.id, copy);
      const siblings = this.operatorsByOrganization.get(copy.organizationId) ?? [];
      siblings.push(copy);
      this.operatorsByOrganization.set(copy.organizationId, siblings);
    }
    const highestId = operators.reduce((max, operator) => Math.max(max, operator.id), 0);
    this.nextOperatorId = Math.max(snapshot.nextOperatorId, highestId + 1);
  }

  /** Calls `listener` after every change, e.g. to persist the state. */
  onChange(listener: () => void): void {
    this.changeListeners.push(listener);
  }

  organizations(): Organization[] {
    return [...this.organizationsById.values()].sort((a, b) => a.id - b.id).map((org) => ({ ...org }));
  }

  organization(id: number): Organization | undefined {
    const organization = this.organizationsById.get(id);
    return organization && { ...organization };
  }

  /** Adds an organization, or renames it when the id already exists. */
  putOrganization(organization: Organization): void {
    if (!Number.isSafeInteger(organization.id) || organization.id <= 0) {
      throw new Error(`organization id must be a positive integer, got ${organization.id}`);
    }
    if (typeof organization.name !== "string" || organization.name.trim() === "") {
      throw new Error(`organization ${organization.id} needs a non-blank name`);
    }
    this.organizationsById.set(organization.id, { id: organization.id, name: organization.name });
    if (!this.operatorsByOrganization.has(organization.id)) {
      this.operatorsByOrganization.set(organization.id, []);
    }
    this.changed();
  }

  /** Operators in ascending id order, deleted ones included; copies, so callers cannot alter the store. */
  operators(organizationId?: number): Operator[] {
    const source =
      organizationId === undefined
        ? [...this.operatorsById.values()].sort((a, b) => a.id - b.id)
        : (this.operatorsByOrganization.get(organizationId) ?? []);
    return source.map((operator) => ({ ...operator }));
  }

  operator(id: number): Operator | undefined {
    const operator = this.operatorsById.get(id);
    return operator && { ...operator };
  }

  /** The lowest-id operator of the organization with this name (case-insensitive) that is not deleted. */
  findLiveOperatorByName(organizationId: number, name: string): Operator | undefined {
    const key = nameKey(name);
    const match = (this.operatorsByOrganization.get(organizationId) ?? []).find(
      (operator) => operator.status !== OperatorStatus.Deleted && nameKey(operator.name) === key,
    );
    return match && { ...match };
  }

  createOperator(organizationId: number, name: string, status: OperatorStatusCode = 0): Operator {
    const siblings = this.operatorsByOrganization.get(organizationId);
    if (!siblings) throw new Error(`organization ${organizationId} does not exist`);
    const nameProblem = describeNameProblem(name);
    if (nameProblem) throw new Error(nameProblem);
    if (!isOperatorStatus(status)) throw new Error(`status must be 0, 1 or 2, got ${String(status)}`);
    const operator: Operator = { id: this.nextOperatorId, name, status, organizationId };
    this.nextOperatorId += 1;
    this.operatorsById.set(operator.id, operator);
    siblings.push(operator);
    this.changed();
    return { ...operator };
  }

  setStatus(id: number, status: OperatorStatusCode): void {
    const operator = this.operatorsById.get(id);
    if (!operator) throw new Error(`operator ${id} does not exist`);
    if (!isOperatorStatus(status)) throw new Error(`status must be 0, 1 or 2, got ${String(status)}`);
    if (operator.status === status) return;
    operator.status = status;
    this.changed();
  }

  /** A rename made in ChatHub's UI (the API has no rename call). */
  rename(id: number, name: string): void {
    const operator = this.operatorsById.get(id);
    if (!operator) throw new Error(`operator ${id} does not exist`);
    const nameProblem = describeNameProblem(name);
    if (nameProblem) throw new Error(nameProblem);
    operator.name = name;
    this.changed();
  }

  snapshot(): StoreSnapshot {
    return {
      organizations: this.organizations(),
      operators: this.operators(),
      nextOperatorId: this.nextOperatorId,
    };
  }

  /** Every way the store has become inconsistent; [] when it is sound. */
  checkInvariants(): string[] {
    const violations: string[] = [];
    for (const [key, organization] of this.organizationsById) {
      if (!Number.isSafeInteger(organization.id) || organization.id <= 0 || organization.id !== key) {
        violations.push(
          `organization id ${organization.id} is not a positive integer matching its key ${key}`,
        );
      }
    }
    let highestId = 0;
    for (const [key, operator] of this.operatorsById) {
      const label = `operator ${operator.id}`;
      if (!Number.isSafeInteger(operator.id) || operator.id <= 0) {
        violations.push(`${label}: id is not a positive integer`);
      }
      if (operator.id !== key) violations.push(`${label}: stored under id ${key}`);
      if (!this.organizationsById.has(operator.organizationId)) {
        violations.push(`${label}: organization ${operator.organizationId} does not exist`);
      }
      if (!isOperatorStatus(operator.status))
        violations.push(`${label}: status ${operator.status} is not 0..2`);
      const nameProblem =
        typeof operator.name === "string" ? describeNameProblem(operator.name) : "not a string";
      if (nameProblem) violations.push(`${label}: ${nameProblem}`);
      highestId = Math.max(highestId, operator.id);
    }
    let indexed = 0;
    for (const [organizationId, siblings] of this.operatorsByOrganization) {
      indexed += siblings.length;
      siblings.forEach((operator, position) => {
        if (operator.organizationId !== organizationId || this.operatorsById.get(operator.id) !== operator) {
          violations.push(`operator ${operator.id}: wrongly indexed under organization ${organizationId}`);
        }
        const previous = siblings[position - 1];
        if (previous && previous.id >= operator.id) {
          violations.push(
            `organization ${organizationId}: operators not in ascending id order at ${operator.id}`,
          );
        }
      });
    }
    if (indexed !== this.operatorsById.size) {
      violations.push(`${this.operatorsById.size} operators stored but ${indexed} indexed by organization`);
    }
    if (this.nextOperatorId <= highestId) {
      violations.push(`next operator id ${this.nextOperatorId} is not above the highest id ${highestId}`);
    }
    return violations;
  }

  private changed(): void {
    for (const listener of this.changeListeners) listener();
  }
}
