import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, dirname, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const src = fileURLToPath(new URL('../src/', import.meta.url));
const contributing = fileURLToPath(new URL('../../../CONTRIBUTING.md', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sources(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}

/** The relative imports of a source text: static ones (type-only included) and `import('...')`. */
function relativeImports(text: string): string[] {
  const found = [...text.matchAll(/^(?:import|export)\b[^;]*?from\s+'(\.[^']+)'/gms), ...text.matchAll(/\bimport\(\s*'(\.[^']+)'\s*\)/g)];
  return found.map((m) => m[1]!);
}

/** Each source file with the files it imports (relative imports, type-only ones included). */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sources(src)) {
    const text = readFileSync(file, 'utf8');
    graph.set(file, relativeImports(text).map((target) => resolve(dirname(file), target.replace(/\.js$/, '.ts'))));
  }
  return graph;
}

function cycles(graph: Map<string, readonly string[]>): string[][] {
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (node: string) => {
    if (state.get(node) === 'done') return;
    if (state.get(node) === 'open') {
      found.push(path.slice(path.indexOf(node)).concat(node));
      return;
    }
    state.set(node, 'open');
    path.push(node);
    for (const next of graph.get(node) ?? []) visit(next);
    path.pop();
    state.set(node, 'done');
  };
  for (const node of graph.keys()) visit(node);
  return found;
}

/**
 * The folder ("room") a source file belongs to: `domain/<capability>`, `store/migrations`, a
 * top folder of src (`use-cases`, `jobs`, `handlers`, `http`, `store`), or a file of src itself.
 */
function roomOf(file: string): string {
  const parts = relative(src, file).split(sep);
  if (parts[0] === 'domain') return `domain/${parts[1]}`;
  if (parts[0] === 'store' && parts[1] === 'migrations') return 'store/migrations';
  return parts[0]!;
}

/** Every import from one room into another, as `from -> to: file imports target`. */
function roomImports(): Array<{ from: string; to: string; line: string }> {
  const edges: Array<{ from: string; to: string; line: string }> = [];
  for (const [file, targets] of importGraph()) {
    for (const target of targets) {
      const from = roomOf(file);
      const to = roomOf(target);
      if (from !== to) edges.push({ from, to, line: `${relative(src, file)} imports ${relative(src, target)}` });
    }
  }
  return edges;
}

/** The table "Which folder may import which" of CONTRIBUTING.md, with what every domain folder may import besides. */
function allowedImports(): Map<string, Set<string>> {
  const text = readFileSync(contributing, 'utf8');
  const section = text.slice(text.indexOf('### Which folder may import which'));
  const allowed = new Map<string, Set<string>>();
  const codes = (cell: string) => [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);
  for (const row of section.split('\n').filter((line) => line.startsWith('| `'))) {
    const [, rooms = '', targets = ''] = row.split('|');
    for (const room of codes(rooms)) {
      const list = new Set(codes(targets));
      if (room.startsWith('domain/')) for (const base of ['domain/shared', 'store', 'errors.ts', 'clock.ts']) list.add(base);
      allowed.set(room, list);
    }
  }
  return allowed;
}

const mayImport = (allowed: Map<string, Set<string>>, from: string, to: string) => {
  const list = allowed.get(from);
  return list !== undefined && (list.has(to) || (to.startsWith('domain/') && list.has('domain/*')));
};

/** The room graph as adjacency lists, for the cycle search. */
function graphOf(edges: ReadonlyArray<{ from: string; to: string }>): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const { from, to } of edges) graph.set(from, [...new Set([...(graph.get(from) ?? []), to])]);
  return graph;
}

describe('the layout of the server', () => {
  it('has no import cycles', () => {
    const graph = importGraph();
    expect(graph.size).toBeGreaterThan(30);
    expect(cycles(graph).map((cycle) => cycle.map((f) => relative(src, f)))).toEqual([]);
  });

  it('has no loop between folders: the capability folders and the rooms around them form a DAG', () => {
    expect(cycles(graphOf(roomImports())).map((cycle) => cycle.join(' -> '))).toEqual([]);
  });

  it('imports between folders only what the table in CONTRIBUTING.md allows, and the table has no loop', () => {
    const allowed = allowedImports();
    expect(allowed.get('domain/points')).toBeDefined();
    const unknown = [...new Set(roomImports().map((edge) => edge.from))].filter((room) => !allowed.has(room));
    expect(unknown, 'folders missing from the table').toEqual([]);
    const refused = roomImports().filter(({ from, to }) => !mayImport(allowed, from, to)).map((edge) => edge.line);
    expect(refused).toEqual([]);
    const table = new Map([...allowed].map(([room, targets]) => [room, [...targets].filter((t) => t !== room && t !== 'domain/*')]));
    expect(cycles(table).map((cycle) => cycle.join(' -> '))).toEqual([]);
  });

  it('keeps domain/points the ground: it imports no other capability folder but domain/shared', () => {
    const upward = roomImports().filter(({ from, to }) => from === 'domain/points' && to.startsWith('domain/') && to !== 'domain/shared');
    expect(upward.map((edge) => edge.line)).toEqual([]);
  });

  it('lets handlers import only use cases and the request context', () => {
    const other = roomImports().filter(({ from, to }) => from === 'handlers' && to !== 'use-cases' && to !== 'context.ts');
    expect(other.map((edge) => edge.line)).toEqual([]);
  });

  it('keeps the domain below use cases, handlers, HTTP, jobs and Express', () => {
    const above = ['use-cases', 'handlers', 'http', 'jobs', 'app.ts', 'main.ts', 'context.ts', 'scope.ts', 'accounts.ts', 'account-program.ts'];
    const upward = roomImports().filter(({ from, to }) => from.startsWith('domain/') && above.includes(to));
    expect(upward.map((edge) => edge.line)).toEqual([]);
    const express = sources(join(src, 'domain')).filter((file) => /from 'express'/.test(readFileSync(file, 'utf8')));
    expect(express.map((file) => relative(src, file))).toEqual([]);
  });

  it('opens units of work and transactions in use cases, never in the domain', () => {
    const opening = /\.transaction\(|\bwithCustomer\(|\brunUnitOfWork\(|\brunCreatedUnit\(/;
    const offenders = sources(join(src, 'domain'))
      .filter((file) => !file.endsWith(join('points', 'unit-of-work.ts')))
      .filter((file) => opening.test(readFileSync(file, 'utf8')))
      .map((file) => relative(src, file));
    expect(offenders).toEqual([]);
  });

  it('keeps Express out of the domain, the jobs and the store', () => {
    const offenders = sources(src)
      .filter((file) => /\/(domain|jobs|store)\//.test(file))
      .filter((file) => /from 'express'|from '\.\.\/(\.\.\/)?(http|handlers)\//.test(readFileSync(file, 'utf8')))
      .map((file) => relative(src, file));
    expect(offenders).toEqual([]);
  });

  it('keeps business rules out of the store, but for the migration that built wallets from the replay', () => {
    const offenders = sources(join(src, 'store'))
      .filter((file) => readFileSync(file, 'utf8').includes("from '../../domain/") || readFileSync(file, 'utf8').includes("from '../domain/"))
      .map((file) => relative(src, file));
    expect(offenders).toEqual(['store/migrations/0003-materialized-wallets.ts']);
  });
});
