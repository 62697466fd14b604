import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// npm workspaces hoist most packages to the repository root, so Sass looks in both folders.
const nodeModules = [
  fileURLToPath(new URL('./node_modules', import.meta.url)),
  fileURLToPath(new URL('../node_modules', import.meta.url)),
];

export default defineConfig({
  plugins: [react()],
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
