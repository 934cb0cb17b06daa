import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The embedded test database accepts one connection at a time, so files then run one after another.
const singleConnection = process.env.DATABASE_POOL_MAX === '1';

export default defineConfig({
  resolve: { alias: { '@': path.dirname(fileURLToPath(import.meta.url)) } },
  test: {
    include: ['lib/**/*.test.ts', 'db/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    fileParallelism: !singleConnection,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
