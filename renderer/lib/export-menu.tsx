import { useRef, useState, type ReactNode, type RefObject } from 'react';
import { errorMessage } from '../../shared/errors';

/**
 * One export at a time from a small menu: closes the menu, marks it busy, and keeps the failure's
 * message (worded by `failed`) until the next try. Used by "Export map" and "Export view".
 */
export function useExportTask(failed: (reason: string) => string) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const menu = useRef<HTMLDetailsElement | null>(null);
  const run = async (work: () => Promise<void>) => {
    if (menu.current) menu.current.open = false;
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (err) {
      setError(failed(errorMessage(err)));
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, menu, run };
}

/** The menu's shell: a button that opens a list of menu items, and the last failure under it. */
export function ExportMenu({
  label,
  menu,
  disabled,
  quiet = false,
  error,
  children,
}: {
  label: string;
  menu: RefObject<HTMLDetailsElement | null>;
  disabled: boolean;
  quiet?: boolean;
  error: string | null;
  children: ReactNode;
}) {
  return (
    <div className="export-menu-wrap">
      <details className="export-menu" ref={menu}>
        <summary className={quiet ? 'btn btn-quiet' : 'btn'} aria-disabled={disabled}>
          {label}
        </summary>
        <div className="export-menu-list" role="menu">
          {children}
        </div>
      </details>
      {error && (
        <p className="notice-inline error export-menu-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
