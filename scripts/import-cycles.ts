// Finds import cycles among the app's own modules (main/, renderer/, shared/). A cycle makes
// module order matter and hides which module depends on which, so scripts/import-cycles.test.ts
// fails on any. Only imports that exist at run time count: `import type`, `export type` and
// imports whose every name is a type are erased by the compiler and cannot form a cycle.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/** Module → the modules it imports at run time (paths relative to the root, with their extension). */
export type ImportGraph = Map<string, string[]>;

const SOURCE = /\.tsx?$/;
// `import … from '…'`, `export … from '…'` and bare `import '…'`, across line breaks.
const IMPORT = /^\s*(import|export)\s+([^'";]*?)\s*from\s*['"]([^'"]+)['"]|^\s*import\s*['"]([^'"]+)['"]/gm;

/** The relative specifiers a module imports at run time. @example runtimeImports("import { a } from './a';") // ['./a'] */
export function runtimeImports(source: string): string[] {
  const found: string[] = [];
  for (const m of source.matchAll(IMPORT)) {
    const bare = m[4];
    if (bare !== undefined) {
      if (bare.startsWith('.')) found.push(bare);
      continue;
    }
    const clause = (m[2] ?? '').trim();
    const spec = m[3] ?? '';
    if (!spec.startsWith('.') || typeOnly(clause)) continue;
    found.push(spec);
  }
  return found;
}

/** `type { A }`, `{ type A, type B }`: nothing of the module is left at run time. */
function typeOnly(clause: string): boolean {
  if (/^type\s/.test(clause)) return true;
  const braces = /^\{([^}]*)\}$/.exec(clause);
  if (!braces) return false;
  const names = (braces[1] ?? '')
    .split(',')
    .map((n) => n.trim())
    .filter(Boolean);
  return names.length > 0 && names.every((n) => n.startsWith('type '));
}

/** The import graph of every .ts/.tsx file under `dirs` (relative to `root`), tests included. */
export function importGraph(root: string, dirs: string[]): ImportGraph {
  const graph: ImportGraph = new Map();
  for (const file of dirs.flatMap((d) => sourceFiles(join(root, d)))) {
    const targets = runtimeImports(readFileSync(file, 'utf8'))
      .map((spec) => resolveModule(dirname(file), spec))
      .filter((t): t is string => t !== null)
      .map((t) => relative(root, t));
    graph.set(relative(root, file), targets);
  }
  return graph;
}

function sourceFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : sourceFiles(path);
    return SOURCE.test(name) ? [path] : [];
  });
}

/** The source file a relative specifier names, or null for a non-source file (CSS, JSON…). */
function resolveModule(from: string, spec: string): string | null {
  const base = resolve(from, spec);
  const candidates = [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')];
  return candidates.find((c) => SOURCE.test(c) && existsSync(c) && statSync(c).isFile()) ?? null;
}

/**
 * The cycles of a graph: its strongly connected components of more than one module, and modules
 * that import themselves (Tarjan's algorithm), each sorted, largest first.
 */
export function findCycles(graph: ImportGraph): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1 || (graph.get(v) ?? []).includes(v)) cycles.push(component.sort());
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return cycles.sort((a, b) => b.length - a.length);
}
