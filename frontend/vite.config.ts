import { defineConfig } from 'vitest/config';

// The build lands where Maven packages static resources, so the jar carries META-INF/resources.
export default defineConfig({
  base: './',
  build: {
    outDir: 'target/classes/META-INF/resources',
    emptyOutDir: true,
    target: 'es2022',
  },
  server: {
    proxy: {
      '/api': { target: 'http://127.0.0.1:8090', ws: true },
    },
  },
  test: {
    include: ['src/**/*.test.ts'],
  },
});
