import { defineConfig } from 'vitest/config';
import { shippedCataloguesPlugin } from './scripts/shippedCatalogues.ts';

export default defineConfig({
  plugins: [shippedCataloguesPlugin()],
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/integration/**/*.test.ts'],
    environment: 'node',
  },
});
