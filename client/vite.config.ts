import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants } from 'node:zlib';
import { parse } from 'graphql';
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

/**
 * Each `graphql(\`…\`)` call becomes the document it returns, as a module of its own: the
 * generated `XDocument` / `XFragmentDoc` of src/gql/graphql.ts, read from that file. Otherwise
 * `graphql()`'s lookup table (and the one generated module) holds every operation's text and
 * document, and every page downloaded and ran all of them. The codegen client preset's Babel
 * plugin does the same; this build has no Babel. Types are unchanged: tsc sees the calls.
 */
function documentsByName(): Plugin {
  const gqlFolder = fileURLToPath(new URL('./src/gql/', import.meta.url));
  const prefix = '\0portal-document:';
  const call = /\bgraphql\(\s*`([^`]*)`\s*\)/g;
  const generated = () => readFileSync(path.join(gqlFolder, 'graphql.ts'), 'utf8');
  return {
    name: 'portal-documents-by-name',
    enforce: 'pre',
    resolveId: (id) => (id.startsWith(prefix) ? id : null),
    load(id) {
      if (!id.startsWith(prefix)) return null;
      const name = id.slice(prefix.length);
      const line = generated().split('\n').find((text) => text.startsWith(`export const ${name} = {`));
      const json = line && /^export const \w+ = (\{.*\}) as unknown as /.exec(line)?.[1];
      if (!json) throw new Error(`src/gql/graphql.ts has no document ${name}; run npm run codegen`);
      return `export default ${json};`;
    },
    transform(code, id) {
      if (!/\.tsx?$/.test(id) || id.startsWith(gqlFolder) || !code.includes('graphql(`')) return null;
      const names = new Set<string>();
      const replaced = code.replace(call, (_, text: string) => {
        const [definition] = parse(text).definitions;
        const name = definition.kind === 'OperationDefinition' && definition.name ? `${definition.name.value}Document`
          : definition.kind === 'FragmentDefinition' ? `${definition.name.value}FragmentDoc` : null;
        if (!name) throw new Error(`${id}: a graphql() document without a name`);
        names.add(name);
        return `__${name}`;
      }).replace(/^import \{ graphql \} from '[^']*';\n/m, '');
      if (/\bgraphql\(/.test(replaced)) throw new Error(`${id}: a graphql() call that is not a plain template`);
      const imports = [...names].map((name) => `import __${name} from '${prefix}${name}';\n`).join('');
      return { code: imports + replaced, map: null };
    },
  };
}

// npm workspaces hoist most packages to the repository root, so Sass looks in both folders.
const nodeModules = [
  fileURLToPath(new URL('./node_modules', import.meta.url)),
  fileURLToPath(new URL('../node_modules', import.meta.url)),
];

export default defineConfig({
  plugins: [documentsByName(), react(), routeList(), scriptsAfterStyles(), precompressed()],
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
