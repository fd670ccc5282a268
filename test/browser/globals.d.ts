// Browser tests run under web-test-runner's mocha, which provides describe/it as globals.
/// <reference types="mocha" />

// axe-core's UMD script: imported for its side effect of setting `window.axe` (see helpers/axe.ts).
declare module 'axe-core/axe.min.js';
