// Every TypeScript sample in the README and in docs/ compiles, where it says it
// belongs: its first line names the file (`// tests/e2e/…`), and it is typechecked
// as that file, against the project's real modules, with the project's settings;
// a sample of a file that exists is that file, word for word.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { expect, test } from '@playwright/test';
import { SUITE_UI_NAMES } from '../../pages';

const root = process.cwd();

/** The Markdown files whose samples are checked: the README and every file in docs/. */
const MARKDOWN = ['README.md', ...readdirSync('docs').filter((f) => f.endsWith('.md')).sort().map((f) => `docs/${f}`)];

/** The ```ts blocks of a Markdown file, dedented, with the file each names and where it stands. */
function samples(source: string): { source: string; file: string; code: string; line: number }[] {
  const markdown = readFileSync(source, 'utf8');
  return [...markdown.matchAll(/^( *)```ts\n([\s\S]*?)^\1```/gm)].map((match) => {
    const indent = (match[1] as string).length;
    const code = (match[2] as string)
      .split('\n')
      .map((l) => l.slice(indent))
      .join('\n');
    const file = /^\/\/ (\S+\.tsx?)\n/.exec(code)?.[1] ?? '';
    return { source, file, code, line: markdown.slice(0, match.index).split('\n').length };
  });
}

/** Typechecks each sample as the file it names, with tsconfig.json's settings; the problems, by Markdown file and line. */
function typecheckAs(found: ReturnType<typeof samples>): string[] {
  const virtual = new Map(found.map((s) => [path.resolve(root, s.file), s]));
  const config = ts.parseJsonConfigFileContent(ts.readConfigFile('tsconfig.json', ts.sys.readFile).config, ts.sys, root);
  const host = ts.createCompilerHost(config.options);
  const { fileExists, readFile, getSourceFile } = host;
  host.fileExists = (file) => virtual.has(path.resolve(file)) || fileExists.call(host, file);
  host.readFile = (file) => virtual.get(path.resolve(file))?.code ?? readFile.call(host, file);
  host.getSourceFile = (file, language, ...rest) => {
    const sample = virtual.get(path.resolve(file));
    return sample ? ts.createSourceFile(file, sample.code, language) : getSourceFile.call(host, file, language, ...rest);
  };
  const program = ts.createProgram([...virtual.keys()], config.options, host);
  return ts
    .getPreEmitDiagnostics(program)
    .filter((d) => d.file && virtual.has(path.resolve(d.file.fileName)))
    .map((d) => {
      const sample = virtual.get(path.resolve(d.file!.fileName))!;
      const { line } = d.file!.getLineAndCharacterOfPosition(d.start ?? 0);
      return `${sample.source}:${sample.line + 1 + line} (${sample.file}): ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
    });
}

test('every TypeScript sample in the README and docs/ names its file and typechecks there', () => {
  test.setTimeout(60_000);
  const found = MARKDOWN.flatMap(samples);
  expect(found.length, `TypeScript samples in ${MARKDOWN.join(', ')}`).toBeGreaterThanOrEqual(2);
  for (const sample of found) expect(sample.file, `the sample at ${sample.source}:${sample.line} names no file on its first line`).not.toBe('');
  const named = found.map((s) => s.file);
  expect(named.filter((file, i) => named.indexOf(file) !== i), 'files named by more than one sample').toEqual([]);
  expect(typecheckAs(found)).toEqual([]);
});

/**
 * A sample of a team's own page description (docs/adopting.md's pages/ui/acme.ts) is an example, not the
 * suite's file: a team that writes one by that name has not made the docs wrong.
 */
function isExample(file: string): boolean {
  const page = /^pages\/ui\/(.+)\.ts$/.exec(file)?.[1];
  return page !== undefined && page !== 'index' && !(SUITE_UI_NAMES as string[]).includes(page);
}

test('a sample that names a file of the project is that file, word for word: the docs cannot drift from the code they show', () => {
  const shown = MARKDOWN.flatMap(samples).filter((s) => existsSync(s.file) && !isExample(s.file));
  expect(shown.length, 'samples of real files').toBeGreaterThanOrEqual(2);
  for (const sample of shown) {
    const body = sample.code.replace(/^\/\/ \S+\n/, '');
    expect(body, `${sample.source}:${sample.line} shows ${sample.file} as it is not: copy the file into the sample again`).toBe(readFileSync(sample.file, 'utf8'));
  }
});
