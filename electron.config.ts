// electron-builder configuration (`npm run dist`): AppImage + deb on Linux, dmg on macOS, nsis on
// Windows. Only the build output and package.json go into app.asar: react, three and tfjs are
// bundled into dist/ by scripts/build.mjs, so no node_modules are packed (see ENVIRONMENT.md).
import type { Configuration } from 'electron-builder';

const config: Configuration = {
  appId: 'org.latentatlas.app',
  productName: 'Latent Atlas',
  copyright: 'Copyright © 2026 Latent Atlas team',
  directories: { output: 'release' },
  // The app's entries only (not the CLI, benchmark or host launcher), without source maps.
  files: [
    'dist/main/app.cjs',
    'dist/main/preload.cjs',
    'dist/main/worker.cjs',
    'dist/main/*.wasm',
    'dist/renderer/**/*',
    '!dist/**/*.map',
    'package.json',
  ],
  // Why unpacked: the engine runs in a worker thread that loads its .wasm files from beside it,
  // and worker threads cannot read inside app.asar.
  asarUnpack: ['dist/main/worker.cjs', 'dist/main/*.wasm'],
  // The bundled default models, outside app.asar (resources/models) so the worker reads them
  // with plain fs calls; main/node/paths.ts looks for them there.
  extraResources: [{ from: 'assets/models', to: 'models', filter: ['**/*'] }],
  extraMetadata: { homepage: 'https://latent-atlas.example.org' },
  // Nothing to rebuild: the app has no native modules.
  npmRebuild: false,
  // Why: a packaged app need not obey ELECTRON_RUN_AS_NODE, NODE_OPTIONS or --inspect, and must
  // load only its own app.asar, checked against the header hash electron-builder embeds in the
  // executable (Electron validates it on macOS and Windows; Linux builds ignore this fuse). The app
  // serves its pages from app://, never file://, so file:// pages get no extra privileges.
  electronFuses: {
    runAsNode: false,
    enableCookieEncryption: true,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    grantFileProtocolExtraPrivileges: false,
  },
  linux: {
    target: ['AppImage', 'deb'],
    category: 'Education',
    executableName: 'latent-atlas',
    // deb requires a maintainer with an e-mail and a homepage: placeholders on a reserved domain
    // until the project has its own (replace both before publishing).
    maintainer: 'Latent Atlas team <maintainers@latent-atlas.example.org>',
    synopsis: 'See how an autoencoder discovers a 2-D latent space',
  },
  deb: { depends: ['libnss3', 'libgtk-3-0', 'libxss1', 'libasound2 | libasound2t64'] },
  mac: { target: 'dmg', category: 'public.app-category.education' },
  win: { target: 'nsis' },
  nsis: { oneClick: false, allowToChangeInstallationDirectory: true },
};

export default config;
