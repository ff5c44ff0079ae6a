import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';

// The root's dependency-cruiser does not look in infra/ (its packages are not installed there): this is its rule for infra.
test('infra/ imports nothing of the suite but common/', () => {
  const infra = new URL('../', import.meta.url);
  const outside: string[] = [];
  for (const folder of ['bin', 'lib', 'scripts', 'test']) {
    for (const file of readdirSync(new URL(`${folder}/`, infra)).filter((f) => f.endsWith('.ts'))) {
      const source = readFileSync(new URL(`${folder}/${file}`, infra), 'utf8');
      for (const [, specifier] of source.matchAll(/from '([^']+)'/g)) {
        if (specifier!.startsWith('../../') && !specifier!.startsWith('../../common/')) outside.push(`${folder}/${file}: ${specifier}`);
      }
    }
  }
  assert.deepStrictEqual(outside, []);
});
