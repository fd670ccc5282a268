/**
 * `npm run bench`: benchmark pages in Debian's Chromium, headless, one file
 * at a time. Each bench file is a mocha test that measures and prints lines
 * `BENCH {json}` to the console; scripts/bench.mjs collects and tabulates them.
 */
import config from './web-test-runner.config.mjs';

export default {
  ...config,
  files: ['bench/**/*.bench.ts'],
  concurrency: 1,
  // Browser logs must reach the terminal: that is how figures come out.
  browserLogs: true,
  testFramework: { config: { timeout: 600_000 } },
  testsFinishTimeout: 1_200_000,
  reporters: config.reporters.slice(0, 1),
};
