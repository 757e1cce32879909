import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

// Unit, golden and SQL tests only. Browser specs live in tests/browser and run through
// `npm run test:browser` (Playwright driving Debian's Chromium), never through vitest.
export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('.', import.meta.url)) } },
  test: {
    include: ['lib/**/*.test.ts', 'tests/**/*.test.ts'],
    exclude: ['tests/browser/**', 'node_modules/**'],
    testTimeout: 60_000,
  },
});
