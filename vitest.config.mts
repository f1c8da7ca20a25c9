import { resolve } from 'node:path'
import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vitest/config'

// Every test runs in China time, whatever the machine's zone: a date taken in UTC instead of local time
// (07:46 for 15:46, yesterday's date before 08:00) then shows. Set here, before any worker starts, so the
// forked workers, the processes the tests spawn and the browser all inherit it; `env` sets it again in
// each worker.
const TIME_ZONE = 'Asia/Shanghai'
process.env.TZ = TIME_ZONE

export default defineConfig({
  plugins: [vue()],
  resolve: { alias: { '@shared': resolve(__dirname, 'shared') } },
  test: {
    env: { TZ: TIME_ZONE },
    projects: [
      {
        extends: true,
        // Headroom for a busy machine (another test run beside this one): a component test that takes
        // tens of milliseconds alone may take seconds there; 5 s (the default) is not enough margin.
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node', testTimeout: 20_000, hookTimeout: 30_000 },
      },
      {
        extends: true,
        test: { name: 'integration', include: ['tests/integration/**/*.test.ts'], environment: 'node', testTimeout: 60_000 },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
})
