import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {ImageReadError, itkCall} from "../../../loaders/imaging/itkCall.js";

describe("itkCall(context, fn)", () => {
  it("turns a bare-number throw into an ImageReadError naming the context", async () => {
    await assert.rejects(
      itkCall("patient P1 image /x.nii.gz", async () => {
        throw 182264;
      }),
      (e: unknown) =>
        e instanceof ImageReadError &&
        /patient P1 image \/x\.nii\.gz: itk-wasm failed \(wasm exception 182264/.test(e.message),
    );
  });

  it("restores process.exitCode, which a failing itk-wasm pipeline sets to 1", async () => {
    const before = process.exitCode;
    await assert.rejects(
      itkCall("patient P2 mask", async () => {
        process.exitCode = 1;
        throw new Error("Could not read");
      }),
    );
    assert.equal(process.exitCode, before);
  });

  it("sends console.log to stderr during the call, and restores it after", async () => {
    const log = console.log;
    let inside: typeof console.log | undefined;
    await itkCall("reading", async () => {
      inside = console.log;
    });
    assert.notEqual(inside, log);
    assert.equal(console.log, log);
  });
});
