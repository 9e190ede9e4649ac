import { useEffect, useRef } from 'react';
import type { AtlasApi, MenuCommand } from '../../shared/api';

/**
 * Carries out the native menu's commands ('menu:command', Electron) with the renderer's own state:
 * e.g. "Save image…" saves the image at the current z with the chosen size.
 */
export function useMenuCommands(api: AtlasApi, handlers: Record<MenuCommand, () => void>): void {
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });
  useEffect(() => api.on('menu:command', ({ command }) => latest.current[command]?.()), [api]);
}
