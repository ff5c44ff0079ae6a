// Every TypeScript sample in the README compiles, where it says it belongs:
// its first line names the file (`// tests/e2e/…`), and it is typechecked as
// that file, against the project's real modules, with the project's settings.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { expect, test } from '@playwright/test';

const root = process.cwd();

/** The ```ts blocks of a Markdown text, dedented, with the file each names. */
function samples(markdown: string): { file: string; code: string; line: number }[] {
  return [...markdown.matchAll(/^( *)```ts\n([\s\S]*?)^\1```/gm)].map((match) => {
    const indent = (match[1] as string).length;
    const code = (match[2] as string)
      .split('\n')
      .map((l) => l.slice(indent))
      .join('\n');
    const file = /^\/\/ (\S+\.tsx?)\n/.exec(code)?.[1] ?? '';
    return { file, code, line: markdown.slice(0, match.index).split('\n').length };
  });
}

/** Typechecks each sample as the file it names, with tsconfig.json's settings; the problems, by README line. */
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
      return `README.md:${sample.line + 1 + line} (${sample.file}): ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
    });
}

test('every TypeScript sample in the README names its file and typechecks there', () => {
  test.setTimeout(60_000);
  const found = samples(readFileSync('README.md', 'utf8'));
  expect(found.length).toBeGreaterThanOrEqual(2);
  for (const sample of found) expect(sample.file, `the sample at README.md:${sample.line} names no file on its first line`).not.toBe('');
  expect(typecheckAs(found)).toEqual([]);
});
