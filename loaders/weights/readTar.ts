import {gunzipSync} from "node:zlib";

/**
 * A minimal reader for the ustar archives `npm pack` writes (regular files and directories; GNU long names and
 * pax headers are honoured for the path only). Enough to unpack one package tarball without a dependency.
 */
export interface TarEntry {
  path: string;
  type: "file" | "directory" | "other";
  data: Uint8Array;
}

const Block = 512;

function field(header: Uint8Array, offset: number, length: number): string {
  const bytes = header.subarray(offset, offset + length);
  const end = bytes.indexOf(0);
  return new TextDecoder().decode(end < 0 ? bytes : bytes.subarray(0, end));
}

function octal(header: Uint8Array, offset: number, length: number, where: string): number {
  const text = field(header, offset, length).trim();
  const value = text === "" ? 0 : Number.parseInt(text, 8);
  if (!Number.isFinite(value)) throw new Error(`readTar: bad octal number ${JSON.stringify(text)} in the ${where}`);
  return value;
}

function checksumOk(header: Uint8Array): boolean {
  let sum = 0;
  for (let i = 0; i < Block; i++) sum += i >= 148 && i < 156 ? 32 : header[i]!;
  return sum === octal(header, 148, 8, "header checksum");
}

export function readTar(archive: Uint8Array): TarEntry[] {
  const entries: TarEntry[] = [];
  let offset = 0;
  let longName: string | undefined;
  while (offset + Block <= archive.length) {
    const header = archive.subarray(offset, offset + Block);
    if (header.every((b) => b === 0)) break; // end-of-archive marker
    if (!checksumOk(header)) throw new Error(`readTar: corrupt tar header at byte ${offset} (checksum mismatch)`);
    const size = octal(header, 124, 12, `header at byte ${offset}`);
    const typeFlag = String.fromCharCode(header[156]!);
    const prefix = field(header, 345, 155);
    let path = prefix ? `${prefix}/${field(header, 0, 100)}` : field(header, 0, 100);
    const start = offset + Block;
    if (start + size > archive.length) {
      throw new Error(
        `readTar: truncated archive: entry "${path}" needs ${size} bytes at ${start}, archive has ${archive.length}`,
      );
    }
    const data = archive.subarray(start, start + size);
    offset = start + Math.ceil(size / Block) * Block;
    if (typeFlag === "L") {
      longName = field(data, 0, data.length);
      continue;
    }
    if (typeFlag === "x") {
      const match = /\d+ path=([^\n]*)\n/.exec(new TextDecoder().decode(data));
      if (match) longName = match[1];
      continue;
    }
    if (typeFlag === "g") continue;
    if (longName !== undefined) {
      path = longName;
      longName = undefined;
    }
    const type = typeFlag === "0" || typeFlag === "\0" ? "file" : typeFlag === "5" ? "directory" : "other";
    entries.push({path, type, data});
  }
  return entries;
}

/** Reads a .tgz (gzip-compressed tar) held in memory. */
export function readTgz(tgz: Uint8Array): TarEntry[] {
  return readTar(gunzipSync(tgz));
}
