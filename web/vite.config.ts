/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
import { defineConfig, type Plugin } from 'vite';

// The four self-hosted fonts are preloaded by index.html, so the first paint
// already uses them: swapping them in later moved the page (Lighthouse's
// layout shift on the catalog, bench/web-browser.sh).
function preloadFonts(): Plugin {
  return {
    name: 'deltalabs-preload-fonts',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const fonts = Object.keys(ctx.bundle ?? {}).filter((f) => f.endsWith('.woff2'));
        return fonts.map((f) => ({
          tag: 'link',
          attrs: { rel: 'preload', as: 'font', type: 'font/woff2', href: `/${f}`, crossorigin: '' },
          injectTo: 'head' as const,
        }));
      },
    },
  };
}

// The app is served by `deltalabs serve` from web/dist at `/`; `npm run dev`
// proxies the API to a binary running on :8080.
export default defineConfig({
  plugins: [react(), tailwindcss(), preloadFonts()],
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
