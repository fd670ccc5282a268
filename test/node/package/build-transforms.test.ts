/**
 * The library build's source transforms (rollup.config.mjs): the CSS of
 * css`…` templates ships collapsed, and static string fields stay class
 * fields, so that rollup drops an event class nothing imports.
 */
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { describe, it } from 'node:test';
import { rollup } from 'rollup';
// @ts-expect-error: the rollup config is plain JavaScript without declarations.
import { collapseCss, staticLiteralFields, transpileTypeScript } from '../../../rollup.config.mjs';

const ROOT = resolve(import.meta.dirname, '../../..');

describe('collapseCss', () => {
  it('drops comments and the whitespace CSS does not read', () => {
    const source = "const s = css`\n  /* the field */\n  :where(.a) {\n    color: red;\n    font: 1rem / 1.5 serif, sans-serif;\n  }\n`;";
    assert.equal(collapseCss(source), 'const s = css`:where(.a){color:red;font:1rem / 1.5 serif,sans-serif;}`;');
  });

  it('leaves a template with an expression as it is', () => {
    const source = 'const s = css`\n  .a { color: ${red}; }\n`;';
    assert.equal(collapseCss(source), source);
  });
});

describe('staticLiteralFields', () => {
  it("turns a static block that only sets a string into the static field it was written as", () => {
    assert.equal(staticLiteralFields("class A { static { this.type = 'wb-a'; } }"), "class A { static type = 'wb-a'; }");
    assert.equal(staticLiteralFields('class A { static { this.type = "wb-a"; } }'), 'class A { static type = "wb-a"; }');
  });

  it('leaves any other static block, which may run code', () => {
    for (const js of ['class A { static { this.styles = css`a`; } }', "class A { static { this.type = 'a' + b; } }", "class A { static { init(); this.type = 'a'; } }"]) {
      assert.equal(staticLiteralFields(js), js);
    }
  });

  it('lets rollup drop the event classes a bundle does not import', async () => {
    const input = '\0entry';
    const bundle = await rollup({
      input,
      plugins: [
        { name: 'entry', resolveId: (id: string) => (id === input ? id : null), load: (id: string) => (id === input ? `export { WbLoggedInEvent } from ${JSON.stringify(resolve(ROOT, 'components/shared/events.ts'))};` : null) },
        transpileTypeScript({ sourcemap: false }),
      ],
    });
    const { output } = await bundle.generate({ format: 'es' });
    await bundle.close();
    const code = output[0].code;
    assert.match(code, /'wb-logged-in'/);
    for (const unused of ['wb-month-selected', 'wb-line-selected', 'wb-breakdown-download', 'wb-top-requested', 'wb-forgot-password']) {
      assert.doesNotMatch(code, new RegExp(`'${unused}'`), `${unused} ships though nothing imports it`);
    }
  });
});
