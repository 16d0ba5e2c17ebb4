import { readFileSync } from 'node:fs';
import { ACTION_FUNCTION as CATALOG } from '../core/action-catalog';
import { ACTIONS } from '../core/action-registry';
import { CATALOG_FILE, renderCatalog } from './gen-action-catalog';

describe('the client action catalogue (core/action-catalog.ts)', () => {
  it('is what the declarations generate now: run `npm run gen:actions` after changing an action', () => {
    expect(readFileSync(CATALOG_FILE, 'utf8')).toBe(renderCatalog());
  });

  it('names the declared cloud function of every action and no other action', () => {
    expect(Object.keys(CATALOG).sort()).toEqual(Object.keys(ACTIONS).sort());
    for (const [name, decl] of Object.entries(ACTIONS)) expect([name, CATALOG[name as keyof typeof CATALOG]]).toEqual([name, decl.fn]);
  });
});
