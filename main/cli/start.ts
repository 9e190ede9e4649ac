// `npm start` (after the build): runs the app in the best way this machine allows and says which
// in one line. Electron when its binary is present (downloaded on first use where the network
// allows); else the loopback host with a Chromium/Chrome --app window; else the host and its URL.
// `--no-window`: the host only, its URL (token included) on a line of its own. Ctrl-C stops all.
import { spawn } from 'node:child_process';
import { openAppWindow, findAppBrowser, type AppWindow } from './chromium-window';
import { downloadElectron, findElectronBinary } from './electron-binary';
import { runHost, type RunningHost } from '../host/run-host';
import { appRoot } from '../node/paths';
import { errorMessage } from '../../shared/errors';

interface StartArgs {
  noWindow: boolean;
  /** Skip Electron even when present (`--browser`). */
  browser: boolean;
  port: number;
  /** Bundled models folder; null for none (`--models-dir none`, e.g. for tests). */
  modelsDir?: string | null;
  /** Where the preferences are kept (`--data-dir`; default ~/.config/latent-atlas). */
  dataDir?: string;
}

const USAGE = `Usage: npm start -- [--no-window] [--browser] [--port N]
  --no-window  start only the local host and print its URL (for scripts and remote machines)
  --browser    use a Chromium/Chrome window even if Electron is installed
  --port N     host port (default: a free one)
  --models-dir DIR|none  bundled models to offer (default: the app's own)
  --data-dir DIR         where your preferences are kept (default: ~/.config/latent-atlas)`;

function parseArgs(argv: string[]): StartArgs {
  const args: StartArgs = { noWindow: false, browser: false, port: 0 };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--no-window') args.noWindow = true;
    else if (arg === '--browser') args.browser = true;
    else if (arg === '--port') args.port = Number(argv[++i]);
    else if (arg === '--models-dir') args.modelsDir = argv[++i] === 'none' ? null : (argv[i] ?? null);
    else if (arg === '--data-dir') {
      const dir = argv[++i];
      if (!dir) exit(2, `--data-dir needs a folder\n${USAGE}`);
      args.dataDir = dir;
    } else if (arg === '--help' || arg === '-h') exit(0, USAGE);
    else exit(2, `Unknown option ${arg}\n${USAGE}`);
  }
  if (!Number.isInteger(args.port) || args.port < 0 || args.port > 65535)
    exit(2, '--port needs a number 0–65535');
  return args;
}

function exit(code: number, message: string): never {
  (code === 0 ? console.log : console.error)(message);
  process.exit(code);
}

/** True where a window can be shown (a display on Linux; always on macOS and Windows). */
function hasDisplay(): boolean {
  return process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (args.noWindow) return startHostOnly(args, 'host only (--no-window)');
  if (!hasDisplay()) return startHostOnly(args, 'host only: no display (DISPLAY is not set)');
  if (args.browser) return startBrowserMode(args, 'Electron skipped (--browser)');

  const root = appRoot();
  let binary = findElectronBinary(root);
  let why = `Electron binary found at ${binary ?? ''}`;
  if (!binary) {
    const download = await downloadElectron(root);
    if ('reason' in download) return startBrowserMode(args, download.reason);
    binary = download.binary;
    why = 'Electron binary downloaded';
  }
  console.log(`Latent Atlas: starting the Electron app (${why}).`);
  startElectron(binary, root);
}

function startElectron(binary: string, root: string): void {
  // Chromium refuses to run as root with its sandbox on (containers); elsewhere the sandbox stays.
  const args = process.getuid?.() === 0 ? ['--no-sandbox', root] : [root];
  const child = spawn(binary, args, { stdio: 'inherit' });
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  for (const signal of STOP_SIGNALS) process.on(signal, forward);
  child.on('error', (err) => exit(1, `Latent Atlas could not start Electron (${binary}): ${err.message}`));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
}

async function startHostOnly(args: StartArgs, why: string): Promise<void> {
  const running = await runHost({ port: args.port, modelsDir: args.modelsDir, dataDir: args.dataDir });
  console.log(`Latent Atlas: ${why}; open this URL in a browser:`);
  console.log(running.host.url);
  stopOnSignals(running, null);
}

async function startBrowserMode(args: StartArgs, why: string): Promise<void> {
  const browser = findAppBrowser();
  const running = await runHost({ port: args.port, modelsDir: args.modelsDir, dataDir: args.dataDir });
  if (!browser) {
    console.log(
      `Latent Atlas: local host, no window (${why}; no Chromium/Chrome found); open this URL in a browser:`,
    );
    console.log(running.host.url);
    return stopOnSignals(running, null);
  }
  console.log(`Latent Atlas: Chromium app window over the local host (${why}; using ${browser}).`);
  console.log(running.host.url);
  // A one-time URL, not the token: the browser's command line is readable by every local user.
  const window = openAppWindow(browser, running.host.oneTimeUrl());
  stopOnSignals(running, window);
  window.child.on('error', (err) =>
    console.error(`Could not open ${browser} (${err.message}); open the URL above instead.`),
  );
  // Closing the window ends the app, as closing the Electron window does.
  window.child.on('exit', () => void shutdown(running, window, 0));
}

/**
 * Signals that end the app: Ctrl-C, a kill, and the terminal closing (SIGHUP, which would
 * otherwise end this process without closing the browser window it started).
 */
const STOP_SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

function stopOnSignals(running: RunningHost, window: AppWindow | null): void {
  // `on`, not `once`: a second Ctrl-C while the window closes must not kill this process with the
  // default action and leave the browser profile behind (the stop is bounded, see below).
  for (const signal of STOP_SIGNALS) process.on(signal, () => void shutdown(running, window, 0));
}

/** Past this, a stop that hangs ends the process anyway (the window's own wait is 7 s at most). */
const SHUTDOWN_LIMIT_MS = 15_000;

let shuttingDown = false;

async function shutdown(running: RunningHost, window: AppWindow | null, code: number): Promise<void> {
  if (shuttingDown) return;
  shuttingDown = true;
  setTimeout(() => exit(1, 'Latent Atlas: stopping took too long; exiting.'), SHUTDOWN_LIMIT_MS).unref();
  // A normal stop prints no stack trace: a failure here is reported in one line.
  await Promise.all([
    window?.close(),
    running.stop().catch((err: unknown) => console.error(`Latent Atlas: ${errorMessage(err)}`)),
  ]);
  process.exit(code);
}

main().catch((err: unknown) => {
  console.error(`Latent Atlas could not start: ${errorMessage(err)}`);
  process.exit(1);
});
