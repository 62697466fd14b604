import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { CLIENT_ROUTE_PATTERNS } from './src/route-patterns';

/** Writes the client's route patterns beside index.html: the server answers other addresses 404. */
function routeList(): Plugin {
  return {
    name: 'portal-route-list',
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'routes.json', source: JSON.stringify(CLIENT_ROUTE_PATTERNS) });
    },
  };
}

/**
 * The public pages arrive with their first screen drawn by the server, so the styles are all a
 * phone needs to paint it: the scripts are fetched at low priority, after the styles and the
 * page, instead of sharing the slow connection with them.
 */
function scriptsAfterStyles(): Plugin {
  return {
    name: 'portal-scripts-after-styles',
    transformIndexHtml: {
      order: 'post',
      handler: (html) => html
        .replace(/<script type="module" crossorigin src=/g, '<script type="module" crossorigin fetchpriority="low" src=')
        .replace(/<link rel="modulepreload" crossorigin href=/g, '<link rel="modulepreload" crossorigin fetchpriority="low" href='),
    },
  };
}

/**
 * Brotli at its best quality (11) beside each hashed script and style, done once at build: the
 * server sends the .br file to browsers that take brotli (server/src/http/static-assets.ts),
 * about a sixth smaller than compressing each answer on the fly at a quality fast enough for that.
 */
function precompressed(): Plugin {
  return {
    name: 'portal-precompressed',
    // After the files are written: earlier hooks see code that later plugins still change.
    writeBundle(options, bundle) {
      for (const fileName of Object.keys(bundle)) {
        if (!/^assets\/.+\.(js|css|svg)$/.test(fileName)) continue;
        const file = path.join(options.dir!, fileName);
        const source = readFileSync(file);
        if (source.length < 1024) continue;
        writeFileSync(`${file}.br`, brotliCompressSync(source, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
      }
    },
  };
}

// npm workspaces hoist most packages to the repository root, so Sass looks in both folders.
const nodeModules = [
  fileURLToPath(new URL('./node_modules', import.meta.url)),
  fileURLToPath(new URL('../node_modules', import.meta.url)),
];

export default defineConfig({
  plugins: [react(), routeList(), scriptsAfterStyles(), precompressed()],
  server: {
    proxy: { '/graphql': 'http://localhost:4000' },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
  },
  css: {
    preprocessorOptions: {
      scss: { loadPaths: nodeModules },
    },
  },
});
