import { afterEach, describe, expect, it } from "vitest";
import { now } from "../../../src/core/clock";
import { checkOperatorInputs } from "../../../src/core/operator/inputs";
import {
  checkOrganizationRosterInputs,
  datedRosterNotes,
} from "../../../src/core/organization-roster/inputs";
import {
  datedChangeNote,
  datedChangesAhead,
  datedStatus,
  dateProblem,
  timeZoneProblem,
  windowOrderProblem,
  windowPosition,
} from "../../../src/roster/active-window";
import { checkRosterEntry } from "../../../src/roster/roster-entry";
import { parseRosterText } from "../../../src/roster/roster-file";

const at = (iso: string) => new Date(iso);

describe("the clock (CHATHUB_NOW)", () => {
  afterEach(() => {
    delete process.env.CHATHUB_NOW;
  });

  it("is the real time unless CHATHUB_NOW names a moment", () => {
    const before = Date.now();
    expect(now().getTime()).toBeGreaterThanOrEqual(before);
    process.env.CHATHUB_NOW = "2026-12-31T00:15:00Z";
    expect(now().toISOString()).toBe("2026-12-31T00:15:00.000Z");
  });

  it("refuses a CHATHUB_NOW that is not a date-time with a zone, saying how to write one", () => {
    for (const bad of ["tomorrow", "2026-12-31", "2026-12-31T00:15:00", "2026-13-01T00:00:00Z"]) {
      expect(() => now({ CHATHUB_NOW: bad })).toThrow(
        /CHATHUB_NOW=.* is not an ISO 8601 date-time with a zone: write e\.g\. 2026-12-31T00:15:00Z/,
      );
    }
  });
});

describe("dates and time zones", () => {
  it("accepts ISO 8601 dates and date-times, and refuses others with the fix", () => {
    for (const good of [
      "2026-12-31",
      "2026-12-31T18:00:00Z",
      "2026-12-31T18:00",
      "2026-12-31T18:00:00+02:00",
    ]) {
      expect(dateProblem(good)).toBeUndefined();
    }
    expect(dateProblem("31/12/2026")).toMatch(
      /is not an ISO 8601 date or date-time \(got "31\/12\/2026"\): write .*"2026-12-31"/,
    );
    expect(dateProblem("2026-02-30")).toMatch(/is not a real date or time/);
    expect(dateProblem(20261231)).toMatch(/must be a text date/);
  });

  it("knows IANA time zones through Intl", () => {
    expect(timeZoneProblem("Europe/Kyiv")).toBeUndefined();
    expect(timeZoneProblem("Mars/Olympus")).toMatch(/must be an IANA time zone name, e\.g\. "Europe\/Kyiv"/);
  });

  it("refuses a window that ends before it starts", () => {
    expect(windowOrderProblem({ activeFrom: "2026-12-10", activeUntil: "2026-12-01" })).toMatch(
      /activeUntil 2026-12-01 is before activeFrom 2026-12-10: .* swap the dates/,
    );
    // One day is a window: active for the whole of it.
    expect(windowOrderProblem({ activeFrom: "2026-12-10", activeUntil: "2026-12-10" })).toBeUndefined();
  });
});

describe("where now stands in a window", () => {
  const until = { activeUntil: "2026-12-30" };

  it("a date is the whole day in the time zone", () => {
    expect(windowPosition(until, "UTC", at("2026-12-30T23:59:59Z"))?.open).toBe(true);
    expect(windowPosition(until, "UTC", at("2026-12-31T00:00:00Z"))).toEqual({
      open: false,
      reason: "inactive from 2026-12-31: activeUntil passed",
    });
    // Kyiv is UTC+2 in winter: its 2026-12-30 ends at 22:00 UTC.
    expect(windowPosition(until, "Europe/Kyiv", at("2026-12-30T21:59:00Z"))?.open).toBe(true);
    expect(windowPosition(until, "Europe/Kyiv", at("2026-12-30T22:00:00Z"))?.open).toBe(false);
    // New York is UTC-5: its day ends at 05:00 UTC the next day.
    expect(windowPosition(until, "America/New_York", at("2026-12-31T04:59:00Z"))?.open).toBe(true);
  });

  it("follows a change of offset (daylight saving) inside the window", () => {
    // Europe/Kyiv moves to UTC+3 on 2027-03-28: 2027-04-01 starts at 21:00 UTC the day before.
    const from = { activeFrom: "2027-04-01" };
    expect(windowPosition(from, "Europe/Kyiv", at("2027-03-31T20:59:00Z"))).toEqual({
      open: false,
      reason: "inactive until 2027-04-01: activeFrom not reached",
    });
    expect(windowPosition(from, "Europe/Kyiv", at("2027-03-31T21:00:00Z"))?.open).toBe(true);
  });

  it("a date-time is that moment (a wall time in the time zone without an offset)", () => {
    expect(
      windowPosition({ activeUntil: "2026-12-30T18:00:00Z" }, "Europe/Kyiv", at("2026-12-30T18:00:00Z"))
        ?.reason,
    ).toBe("inactive from 2026-12-30T18:00:00Z: activeUntil passed");
    expect(
      windowPosition({ activeUntil: "2026-12-30T18:00" }, "Europe/Kyiv", at("2026-12-30T15:59:00Z"))?.open,
    ).toBe(true);
    expect(
      windowPosition({ activeUntil: "2026-12-30T18:00" }, "Europe/Kyiv", at("2026-12-30T16:00:00Z"))?.open,
    ).toBe(false);
  });

  it("outside the window the status is inactive; inside it, the declared one", () => {
    expect(datedStatus("active", until, undefined, at("2026-12-31T00:00:00Z"))).toBe("inactive");
    expect(datedStatus("active", until, undefined, at("2026-12-29T00:00:00Z"))).toBe("active");
    expect(datedStatus("inactive", until, undefined, at("2026-12-29T00:00:00Z"))).toBe("inactive");
    expect(datedStatus("active", {}, undefined, at("2026-12-31T00:00:00Z"))).toBe("active");
  });

  it("a note only when a date changes the status", () => {
    const moment = at("2026-12-31T00:15:00Z");
    expect(
      datedChangeNote('"Ana"', {
        window: until,
        timeZone: "UTC",
        now: moment,
        before: "active",
        after: "inactive",
      }),
    ).toBe('"Ana": inactive from 2026-12-31: activeUntil passed');
    expect(
      datedChangeNote('"Ana"', {
        window: until,
        timeZone: "UTC",
        now: moment,
        before: "inactive",
        after: "inactive",
      }),
    ).toBeUndefined();
    expect(
      datedChangeNote('"Ana"', {
        window: {},
        timeZone: "UTC",
        now: moment,
        before: "active",
        after: "inactive",
      }),
    ).toBeUndefined();
    const from = { activeFrom: "2026-12-31" };
    expect(
      datedChangeNote('"Bo"', {
        window: from,
        timeZone: "UTC",
        now: moment,
        before: "inactive",
        after: "active",
      }),
    ).toBe('"Bo": active from 2026-12-31: activeFrom reached');
  });
});

describe("the dated changes ahead, for the summary", () => {
  const week = 7 * 24 * 60 * 60 * 1000;
  const moment = at("2026-12-24T00:15:00Z");

  it("lists a bound within the horizon, and only those", () => {
    expect(datedChangesAhead({ activeUntil: "2026-12-30" }, "UTC", moment, week)).toEqual([
      {
        at: at("2026-12-31T00:00:00Z").getTime(),
        reason: "inactive from 2026-12-31: activeUntil 2026-12-30",
      },
    ]);
    expect(datedChangesAhead({ activeUntil: "2026-12-31" }, "UTC", moment, week)).toEqual([]);
    expect(datedChangesAhead({ activeUntil: "2026-12-23" }, "UTC", moment, week)).toEqual([]); // passed
    expect(datedChangesAhead({}, "UTC", moment, week)).toEqual([]);
  });

  it("a short stint ahead has both bounds, each in the roster's time zone", () => {
    expect(
      datedChangesAhead({ activeFrom: "2026-12-26", activeUntil: "2026-12-27" }, "Europe/Kyiv", moment, week),
    ).toEqual([
      { at: at("2026-12-25T22:00:00Z").getTime(), reason: "window opens 2026-12-26: activeFrom" },
      {
        at: at("2026-12-27T22:00:00Z").getTime(),
        reason: "inactive from 2026-12-28: activeUntil 2026-12-27",
      },
    ]);
  });
});

describe("checked inputs carry the status as it is now", () => {
  afterEach(() => {
    delete process.env.CHATHUB_NOW;
  });

  it("an operator past its activeUntil is inactive; a bad window is refused naming the property", () => {
    process.env.CHATHUB_NOW = "2026-12-31T00:15:00Z";
    const operator = { organizationId: 24, name: "Ana Silva", activeUntil: "2026-12-30" };
    const checked = checkOperatorInputs(operator);
    expect(checked.ok && checked.inputs.status).toBe("inactive");
    process.env.CHATHUB_NOW = "2026-12-30T12:00:00Z";
    const before = checkOperatorInputs(operator);
    expect(before.ok && before.inputs.status).toBe("active");
    const bad = checkOperatorInputs({ ...operator, activeFrom: "2027-01-05" });
    expect(bad).toEqual({
      ok: false,
      failures: [
        {
          property: "activeUntil",
          reason: expect.stringMatching(/activeUntil 2026-12-30 is before activeFrom 2027-01-05/),
        },
      ],
    });
    const badDate = checkOperatorInputs({ ...operator, activeUntil: "next week" });
    expect(badDate.ok === false && badDate.failures[0]?.reason).toMatch(
      /^activeUntil is not an ISO 8601 date/,
    );
  });

  it("a roster's people are judged in its time zone, and the notes name each person and key", () => {
    process.env.CHATHUB_NOW = "2026-12-30T22:30:00Z"; // 00:30 on 2026-12-31 in Kyiv
    const checked = checkOrganizationRosterInputs({
      organizationId: 24,
      unmanaged: "ignore",
      timeZone: "Europe/Kyiv",
      operators: {
        ana: { name: "Ana Silva", status: "active", activeUntil: "2026-12-30" },
        bo: { name: "Bo Chen", status: "active", activeFrom: "2027-01-02" },
        cy: { name: "Cy Park", status: "active" },
      },
    });
    if (checked.ok !== true) throw new Error("expected the roster to be accepted");
    expect(Object.values(checked.inputs.operators).map((member) => member.status)).toEqual([
      "inactive",
      "inactive",
      "active",
    ]);
    expect(datedRosterNotes(checked.inputs, (key) => (key === "bo" ? undefined : "active"))).toEqual([
      '"Ana Silva" (ana): inactive from 2026-12-31: activeUntil passed',
      '"Bo Chen" (bo): inactive until 2027-01-02: activeFrom not reached',
    ]);
  });
});

describe("roster files carry the dates", () => {
  it("reads activeFrom and activeUntil columns from CSV and keys from YAML, and refuses a reversed window with the line", () => {
    const csv = parseRosterText(
      "name,activeFrom,activeUntil\nAna Silva,,2026-12-31\nBo Chen,2027-01-04,2027-01-01\n",
      "csv",
      "team.csv",
    );
    const [ana, bo] = csv.entries.map((source, index) => checkRosterEntry(source, index + 1, "team.csv"));
    expect(ana).toMatchObject({ ok: true, entry: { name: "Ana Silva", activeUntil: "2026-12-31" } });
    expect(ana?.ok && "activeFrom" in ana.entry).toBe(false);
    expect(bo).toEqual({
      ok: false,
      problems: [
        expect.stringMatching(
          /^team\.csv line 3, entry 2 \("Bo Chen"\): activeUntil 2027-01-01 is before activeFrom 2027-01-04/,
        ),
      ],
    });
    const yaml = parseRosterText("- name: Cy Park\n  activeFrom: 2026-12-01\n", "yaml", "team.yaml");
    expect(checkRosterEntry(yaml.entries[0] as never, 1, "team.yaml")).toMatchObject({
      ok: true,
      entry: { activeFrom: "2026-12-01" },
    });
  });
});
