import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { inflateRawSync } from 'node:zlib';

/** The entries of a zip archive (a Playwright trace, the HTML report's data), by name. */
export function zipEntries(zip: Buffer): Map<string, Buffer> {
  const entries = new Map<string, Buffer>();
  // The end-of-central-directory record sits in the last 64 KiB + 22 bytes.
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) return entries;
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  for (let i = 0; i < count && zip.readUInt32LE(at) === 0x02014b50; i++) {
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(start, start + size);
    entries.set(name, method === 8 ? inflateRawSync(data) : data);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

const isZip = (data: Buffer) => data.length > 4 && data.readUInt32LE(0) === 0x04034b50;
const DATA_URI_ZIP = /data:application\/zip;base64,([A-Za-z0-9+/=]+)/g;

/**
 * Every readable text in an artifact, unpacked: zip archives inside it
 * (traces), and base64 zips embedded in HTML (the report's data).
 */
function* unpacked(where: string, data: Buffer): Generator<{ where: string; text: string }> {
  if (isZip(data)) {
    for (const [name, entry] of zipEntries(data)) yield* unpacked(`${where}!${name}`, entry);
    return;
  }
  const text = data.toString('utf8');
  yield { where, text };
  for (const match of text.matchAll(DATA_URI_ZIP)) yield* unpacked(`${where}!data-uri`, Buffer.from(match[1] as string, 'base64'));
}

/** Every readable text under a file or folder, unpacked. */
export function* artifactTexts(location: string): Generator<{ where: string; text: string }> {
  if (statSync(location).isDirectory()) {
    for (const name of readdirSync(location)) yield* artifactTexts(path.join(location, name));
  } else {
    yield* unpacked(location, readFileSync(location));
  }
}

/** The ways a secret can be written down: as is, URL-encoded, and base64 at each of the three alignments. */
export function secretForms(secret: string): string[] {
  const forms = new Set([secret, encodeURIComponent(secret)]);
  const bytes = Buffer.byteLength(secret);
  for (let shift = 0; shift < 3; shift++) {
    const encoded = Buffer.from('x'.repeat(shift) + secret).toString('base64');
    // Keep only the 4-character groups made of the secret's bytes alone: the
    // others depend on whatever stands next to it in the encoded stream.
    forms.add(encoded.slice(Math.ceil(shift / 3) * 4, Math.floor((shift + bytes) / 3) * 4));
  }
  return [...forms].filter((form) => form.length >= 8);
}

/** Where, among the artifacts and texts given, any form of any secret appears. */
export function findSecrets(locations: string[], texts: string[], secrets: string[]): string[] {
  const found: string[] = [];
  const check = (where: string, text: string) => {
    for (const secret of secrets) {
      if (secretForms(secret).some((form) => text.includes(form))) found.push(`${secret.slice(0, 4)}… in ${where}`);
    }
  };
  texts.forEach((text, i) => {
    for (const part of unpacked(`output ${i + 1}`, Buffer.from(text))) check(part.where, part.text);
  });
  for (const location of locations) for (const { where, text } of artifactTexts(location)) check(where, text);
  return found;
}
