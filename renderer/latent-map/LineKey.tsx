import type { ReactNode } from 'react';

/** A legend key: a short stroke in the class that styles its line on the map, then its words. */
export function LineKey({ stroke, title, children }: { stroke: string; title: string; children: ReactNode }) {
  return (
    <span className="legend-key" title={title}>
      <svg width="22" height="8" aria-hidden="true">
        <line x1="0" y1="4" x2="22" y2="4" className={stroke} />
      </svg>
      {children}
    </span>
  );
}
