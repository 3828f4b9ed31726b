import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {gzipSync} from "node:zlib";
import {readTar, readTgz} from "../../../loaders/weights/readTar.js";
import {makeTar} from "./makeTar.js";

describe("readTar", () => {
  it("readTgz returns the files of a gzip'd ustar archive with their bytes", () => {
    const a = new TextEncoder().encode("hello");
    const b = new Uint8Array(1000).map((_, i) => i % 251);
    const entries = readTgz(
      gzipSync(
        makeTar([
          {path: "package/a.txt", data: a},
          {path: "package/ResNet50/b.bin", data: b},
        ]),
      ),
    );
    assert.deepEqual(
      entries.map((e) => [e.path, e.type]),
      [
        ["package/a.txt", "file"],
        ["package/ResNet50/b.bin", "file"],
      ],
    );
    assert.deepEqual(Uint8Array.from(entries[1]!.data), b);
  });

  it("honours GNU long names (type L)", () => {
    const long = `package/${"x".repeat(150)}.bin`;
    const tar = makeTar([
      {path: "././@LongLink", data: new TextEncoder().encode(`${long}\0`), type: "L"},
      {path: "short", data: new Uint8Array(3)},
    ]);
    assert.equal(readTar(tar)[0]!.path, long);
  });

  it("rejects a corrupted header and a truncated archive", () => {
    const tar = makeTar([{path: "a", data: new Uint8Array(600)}]);
    const bad = tar.slice();
    bad[0] = 98;
    assert.throws(() => readTar(bad), /corrupt tar header at byte 0/);
    assert.throws(() => readTar(tar.slice(0, 700)), /truncated archive: entry "a" needs 600 bytes/);
  });
});
