// The whole browser path in one call: engine worker + service + loopback host.
import { createEngine } from '../engine/engine';
import { join } from 'node:path';
import { appVersion, bundledModelsDir, defaultDataDir, rendererDir, workerPath } from '../node/paths';
import { createService } from '../service/service';
import { startHost, type Host } from './server';

export interface RunningHost {
  host: Host;
  /** Closes the server and terminates the engine worker. */
  stop(): Promise<void>;
}

/** Starts the engine and the host on `port` (0: a free one). */
export async function runHost(
  options: { port?: number; modelsDir?: string | null; dataDir?: string } = {},
): Promise<RunningHost> {
  const engine = await createEngine({ workerPath: workerPath() });
  const service = createService({
    engine,
    dialogs: null,
    mode: 'browser',
    version: appVersion(),
    platform: process.platform,
    bundledModelsDir: options.modelsDir === undefined ? bundledModelsDir() : options.modelsDir,
    prefsFile: join(options.dataDir ?? defaultDataDir(), 'prefs.json'),
  });
  try {
    const host = await startHost({ service, rendererDir: rendererDir(), port: options.port ?? 0 });
    return {
      host,
      async stop() {
        await host.close();
        await service.dispose();
      },
    };
  } catch (err) {
    await service.dispose();
    throw err;
  }
}
