import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findCycles, importGraph, runtimeImports, type ImportGraph } from './import-cycles';

const ROOT = join(__dirname, '..');

describe('import cycles', () => {
  it('main/, renderer/ and shared/ import each other without a cycle', () => {
    const graph = importGraph(ROOT, ['main', 'renderer', 'shared']);
    expect(graph.size).toBeGreaterThan(100);
    expect(findCycles(graph)).toEqual([]);
  });

  it('finds a cycle through several modules and a module importing itself, not a diamond', () => {
    const graph: ImportGraph = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts', 'd.ts']],
      ['c.ts', ['a.ts']],
      ['d.ts', ['e.ts']],
      ['e.ts', []],
      ['f.ts', ['d.ts', 'e.ts', 'f.ts']],
    ]);
    expect(findCycles(graph)).toEqual([['a.ts', 'b.ts', 'c.ts'], ['f.ts']]);
    graph.set('c.ts', []);
    graph.set('f.ts', ['d.ts', 'e.ts']);
    expect(findCycles(graph)).toEqual([]);
  });

  it('counts only imports left at run time', () => {
    const source = [
      "import { a } from './a';",
      "import type { B } from './b';",
      "import { type C, type D } from './c';",
      "import { type E, e } from './e';",
      "export type { F } from './f';",
      "export { g } from './g';",
      "import './h.css';",
      "import {\n  i,\n  j,\n} from '../i';",
      "import { k } from 'react';",
    ].join('\n');
    expect(runtimeImports(source)).toEqual(['./a', './e', './g', './h.css', '../i']);
  });
});
