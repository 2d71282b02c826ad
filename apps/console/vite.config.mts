/** The console is built into dist/console and served by the API under /console (ADR 12). */
import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

const repo = resolve(import.meta.dirname, '..', '..');

export default defineConfig({
  root: import.meta.dirname,
  base: '/console/',
  plugins: [react()],
  resolve: { alias: { '@qualicoop/domain': resolve(repo, 'libs/domain/src/index.ts') } },
  build: { outDir: resolve(repo, 'dist/console'), emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 1500 },
  server: { proxy: { '^/(?!console)': 'http://127.0.0.1:3000' } },
});
