import { deflateRawSync } from 'node:zlib';
import { findSecrets, secretForms, zipEntries } from '../self/support/artifact-search';
import { expect, test } from '@playwright/test';

const SECRET = 'sk-test-0123456789abcdef';

/** A one-entry zip (deflated), as a trace would hold it. */
function zipOf(name: string, content: string): Buffer {
  const data = deflateRawSync(Buffer.from(content));
  const nameBytes = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(content.length, 22);
  local.writeUInt16LE(nameBytes.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(content.length, 24);
  central.writeUInt16LE(nameBytes.length, 28);
  central.writeUInt32LE(0, 42);
  const centralOffset = local.length + nameBytes.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + nameBytes.length, 12);
  end.writeUInt32LE(centralOffset, 16);
  return Buffer.concat([local, nameBytes, data, central, nameBytes, end]);
}

test('finds a secret however it was written down: plain, URL-encoded, or base64 at any offset', () => {
  for (const prefix of ['', 'a', 'ab', 'abc']) {
    const base64 = Buffer.from(`{"key":"${prefix}${SECRET}","more":1}`).toString('base64');
    expect(findSecrets([], [base64], [SECRET]), `offset ${prefix.length}`).toHaveLength(1);
  }
  expect(findSecrets([], [`x-api-key: ${encodeURIComponent(SECRET)}`], [SECRET])).toHaveLength(1);
  expect(findSecrets([], ['nothing to see'], [SECRET])).toEqual([]);
  expect(secretForms(SECRET).every((form) => form.length >= 8)).toBe(true);
});

test('looks inside zips, and inside zips embedded in HTML as data URIs', () => {
  const zip = zipOf('trace.network', `{"headers":{"x-api-key":"${SECRET}"}}`);
  expect(zipEntries(zip).get('trace.network')?.toString()).toContain(SECRET);
  const html = `<script>window.playwrightReportBase64 = "data:application/zip;base64,${zip.toString('base64')}";</script>`;
  expect(findSecrets([], [html], [SECRET])).toHaveLength(1);
});
