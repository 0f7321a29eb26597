/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
import { defineConfig } from 'vite';

// The app is served by `deltalabs serve` from web/dist at `/`; `npm run dev`
// proxies the API to a binary running on :8080.
export default defineConfig({
  plugins: [react(), tailwindcss()],
  // VITE_OUT_DIR builds elsewhere, so two builds never overwrite each other's files.
  build: { outDir: process.env.VITE_OUT_DIR ?? 'dist', assetsDir: 'assets', sourcemap: false },
  server: {
    proxy: { '/v1': process.env.DELTALABS_API ?? 'http://127.0.0.1:8080' },
  },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    reporters: process.env.VITEST_JUNIT ? ['default', 'junit'] : ['default'],
    outputFile: process.env.VITEST_JUNIT ? { junit: process.env.VITEST_JUNIT } : {},
    environment: 'node',
  },
});
