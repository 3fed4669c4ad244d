import { describe, expect, it } from "vitest";
import { startTestEmulator } from "./spec-client";

describe("consistency under load", () => {
  it("keeps the store consistent through 2000 mixed requests, 100 in flight at a time, some invalid", async () => {
    const { client, emulator } = await startTestEmulator({ behaviour: { duplicateNames: "reuse" } });
    const request = (index: number): Promise<Response> => {
      switch (index % 8) {
        case 0:
          return client.list(24);
        case 1:
          return client.synchronize([
            { organizationId: 24, name: `Agent ${index}` },
            { organizationId: 25, name: `Agent ${index % 50}` },
          ]);
        case 2:
          return client.synchronize([
            { organizationId: 24, name: "" },
            { organizationId: 24, name: `Lost ${index}` },
          ]);
        case 3:
          // Only seeded operators change status, so no new "Agent" is deleted and re-created.
          return client.setStatus(101 + (index % 3), index % 2);
        case 4:
          return client.post("/api/operator/synchronize", "[{ broken");
        case 5:
          return client.withToken("wrong").synchronize([{ organizationId: 24, name: `Intruder ${index}` }]);
        case 6:
          return client.synchronize([{ organizationId: 999, name: `Nowhere ${index}` }]);
        default:
          return client.setStatus(-1, 9);
      }
    };
    const statuses = (await inFlight(100, 2000, async (index) => (await request(index)).status)).sort();

    expect(emulator.checkInvariants()).toEqual([]);
    expect(statuses).not.toContain(500);
    const operators = emulator.operators();
    expect(new Set(operators.map((operator) => operator.id)).size).toBe(operators.length);
    // 250 synchronize calls each created "Agent i" in 24; in 25, "Agent i%50" (25 distinct names) was reused.
    expect(operators.filter((operator) => operator.organizationId === 24)).toHaveLength(3 + 250);
    expect(operators.filter((operator) => operator.organizationId === 25)).toHaveLength(25);
    expect(operators.some((operator) => /^(Lost|Intruder|Nowhere)/.test(operator.name))).toBe(false);
    expect(emulator.counters()).toMatchObject({ total: 2000, operatorsSynchronized: 500 });
  });
});

// Runs task(0..count-1) with at most `limit` running at once, and returns their results in order.
// Bounded, so that the test interleaves requests without depending on how many connections a
// loaded machine accepts at once (the listen backlog).
async function inFlight<T>(limit: number, count: number, task: (index: number) => Promise<T>): Promise<T[]> {
  const results: T[] = new Array(count);
  let next = 0;
  const worker = async () => {
    for (let index = next++; index < count; index = next++) results[index] = await task(index);
  };
  await Promise.all(Array.from({ length: limit }, worker));
  return results;
}
