/**
 * `npm run manifest` → custom-elements.json, from the elements' JSDoc
 * headers (@summary, @tag, @slot, @fires, @csspart, @cssprop).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Event name → event class, read from the event modules (`class X extends Event { static readonly type = 'wb-…'`). */
function eventClasses(dir = 'components') {
  const classes = new Map();
  for (const entry of readdirSync(dir, { recursive: true })) {
    if (!String(entry).endsWith('.ts')) continue;
    const source = readFileSync(join(dir, String(entry)), 'utf8');
    for (const match of source.matchAll(/class (\w+) extends Event \{\s*static readonly type = '([\w-]+)'/g)) classes.set(match[2], match[1]);
  }
  return classes;
}

/**
 * The analyzer also guesses events from `dispatchEvent(new X(arg))`, taking
 * the first constructor argument for the name (`month`, `setup`). The
 * `@fires` tags are the documented truth: keep those, typed with their class.
 */
function documentedEventsOnly() {
  return {
    name: 'wb-documented-events-only',
    packageLinkPhase({ customElementsManifest }) {
      const classes = eventClasses();
      for (const mod of customElementsManifest.modules ?? []) {
        for (const declaration of mod.declarations ?? []) {
          if (!declaration.events) continue;
          declaration.events = declaration.events
            .filter((event) => event.description !== undefined && event.name)
            .map((event) => (classes.has(event.name) ? { ...event, type: { text: classes.get(event.name) } } : event));
        }
      }
    },
  };
}

export default {
  globs: ['components/**/*.ts'],
  exclude: ['components/autoloader*.ts', 'components/shared/**', 'components/react/**', 'components/**/*.test.ts', 'components/**/messages.ts', 'components/**/styles.ts'],
  outdir: '.',
  litelement: true,
  dependencies: false,
  // package.json names custom-elements.json itself; the analyzer would write its --outdir path there.
  packagejson: false,
  plugins: [documentedEventsOnly()],
};
