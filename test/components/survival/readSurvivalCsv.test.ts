import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {readSurvivalCsv, SurvivalCsvError} from "../../../src/components/survival/readSurvivalCsv.js";

const messageOf = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    assert.ok(e instanceof SurvivalCsvError, String(e));
    return e.message;
  }
  assert.fail("expected a SurvivalCsvError");
};

describe("readSurvivalCsv(text, source)", () => {
  it("reads endpoint pairs in header order, any header case, times as plain decimals and events 0/1", () => {
    const {endpoints, rows, warnings} = readSurvivalCsv(
      "Patient_ID,OS_Time,TTP_event,os_event,ttp_time,pfs_2_time,PFS_2_EVENT\r\n" +
        "P1,12.5,1,0,3,1e1,1\r\nP2,0,0,1,.5,-0,0\r\n",
      "s.csv",
    );
    assert.deepEqual(endpoints, ["os", "ttp", "pfs_2"]);
    assert.deepEqual(rows, [
      {patientId: "P1", values: {os: {time: 12.5, event: 0}, ttp: {time: 3, event: 1}, pfs_2: {time: 10, event: 1}}},
      {patientId: "P2", values: {os: {time: 0, event: 1}, ttp: {time: 0.5, event: 0}, pfs_2: {time: 0, event: 0}}},
    ]);
    assert.ok(Object.is(rows[1]?.values.pfs_2?.time, 0), "-0 is read as 0");
    assert.deepEqual(warnings, []);
  });
  it("both cells of a pair empty: not recorded (undefined), counted per endpoint in a warning", () => {
    const {rows, warnings} = readSurvivalCsv(
      "patient_id,os_time,os_event,ttp_time,ttp_event,site\nP1,10,1,,,A\nP2,, ,4,0,B\nP3,7,0,,,C\n",
      "s.csv",
    );
    assert.deepEqual(
      rows.map((r) => [r.values.os, r.values.ttp]),
      [
        [{time: 10, event: 1}, undefined],
        [undefined, {time: 4, event: 0}],
        [{time: 7, event: 0}, undefined],
      ],
    );
    assert.ok("ttp" in (rows[0]?.values ?? {}), "an endpoint not recorded is present as undefined");
    assert.deepEqual(warnings, [
      's.csv: column(s) "site" ignored (not <endpoint>_time|_event)',
      "s.csv: os not recorded (os_time and os_event empty) for 1 of 3 patient(s)",
      "s.csv: ttp not recorded (ttp_time and ttp_event empty) for 2 of 3 patient(s)",
    ]);
  });
  it("collects every bad row, by line and patient, into one error, and returns nothing", () => {
    const text = [
      "patient_id,os_time,os_event,ttp_time,ttp_event",
      "P1,10,1,5,1",
      "P2,-1,1,5,1", // negative time
      "P3,,1,5,1", // empty time, event given
      "P4,10,,5,1", // empty event, time given
      "P5,abc,2,5,1", // not a number, event 2
      "P6,10,1.0,Infinity,yes", // event 1.0; ttp: not a number, event yes
      "P1,10,1,5,1", // repeated
      "P7,10,1", // short row
      "",
      "P8,0x10,1,5,1", // hexadecimal
    ].join("\n");
    const message = messageOf(() => readSurvivalCsv(text, "survival.csv"));
    assert.match(message, /^survival\.csv: 8 invalid row\(s\), 11 problem\(s\); nothing was read/);
    assert.match(message, /\n {2}line 3 \(patient P2\): os_time must be a plain decimal number ≥ 0, not "-1"/);
    assert.match(message, /\n {2}line 4 \(patient P3\): os_time is empty but os_event is "1" \(leave both empty/);
    assert.match(message, /\n {2}line 5 \(patient P4\): os_event is empty but os_time is "10"/);
    assert.match(message, /\n {2}line 6 \(patient P5\): os_time must be a plain decimal number ≥ 0, not "abc"/);
    assert.match(message, /\n {2}line 6 \(patient P5\): os_event must be 0 \(censored\) or 1 \(event\), not "2"/);
    assert.match(message, /\n {2}line 7 \(patient P6\): os_event must be 0 \(censored\) or 1 \(event\), not "1\.0"/);
    assert.match(message, /\n {2}line 7 \(patient P6\): ttp_time must be a plain decimal number ≥ 0, not "Infinity"/);
    assert.match(message, /\n {2}line 7 \(patient P6\): ttp_event must be 0 \(censored\) or 1 \(event\), not "yes"/);
    assert.match(message, /\n {2}line 8 \(patient P1\): patient repeated \(first on line 2\)/);
    assert.match(message, /\n {2}line 9 \(patient P7\): has 3 fields, header has 5/);
    assert.match(message, /\n {2}line 11 \(patient P8\): os_time must be a plain decimal number ≥ 0, not "0x10"/);
    assert.doesNotMatch(message, /line 2 /);
  });
  it("refuses a _time without its _event and the reverse, naming the column", () => {
    assert.equal(
      messageOf(() => readSurvivalCsv("patient_id,os_time,os_event,TTP_time\nP1,1,1,2\n", "s.csv")),
      's.csv: line 1: column "TTP_time" has no ttp_event',
    );
    assert.equal(
      messageOf(() => readSurvivalCsv("patient_id,pfs_event\nP1,1\n", "s.csv")),
      's.csv: line 1: column "pfs_event" has no pfs_time',
    );
  });
  it("refuses a duplicated column (ignoring case), a malformed endpoint, no endpoint, no patient_id, no rows", () => {
    assert.equal(
      messageOf(() => readSurvivalCsv("patient_id,os_time,os_event,OS_TIME\nP1,1,1,1\n", "s.csv")),
      's.csv: line 1: column "OS_TIME" appears twice (columns 2 and 4); remove one',
    );
    assert.match(
      messageOf(() => readSurvivalCsv("patient_id,os-1_time,os-1_event\nP1,1,1\n", "s.csv")),
      /column "os-1_time": the endpoint name must be lower-case letters, digits or _, not "os-1"/,
    );
    assert.match(
      messageOf(() => readSurvivalCsv("patient_id,_time,_event\nP1,1,1\n", "s.csv")),
      /not ""/,
    );
    assert.match(
      messageOf(() => readSurvivalCsv("patient_id,age\nP1,60\n", "s.csv")),
      /no endpoint/,
    );
    assert.match(
      messageOf(() => readSurvivalCsv("id,os_time,os_event\nP1,1,1\n", "s.csv")),
      /missing column patient_id/,
    );
    assert.equal(
      messageOf(() => readSurvivalCsv("patient_id,os_time,os_event\n", "s.csv")),
      "s.csv: no data rows",
    );
    assert.match(
      messageOf(() => readSurvivalCsv("", "s.csv")),
      /^s\.csv: empty file/,
    );
  });
});
