/** The contract's coverage check: it lists the methods of the repositories and notes only what a caller asks for. */
import type { Store } from '../../core/ports';
import { recordingStore, repositoryMethods } from './contract-coverage';

describe('the list of repository methods', () => {
  it('names every repository of Store, the board and content reports included, and every method of each', () => {
    const methods = repositoryMethods();
    const repos = new Set(methods.map((m) => m.split('.')[0]));
    expect([...repos].sort()).toEqual(['audit', 'board', 'concerns', 'contentReports', 'directory', 'events', 'feedback', 'messages', 'outbox', 'photoChecks', 'privacy', 'teams', 'topics', 'actions', 'points', 'contacts'].sort());
    expect(methods).toEqual(expect.arrayContaining(['board.settings', 'board.saveReplyTemplates', 'board.listResolved', 'board.similarOpen', 'board.plusOne', 'board.plusOnes', 'privacy.forget', 'directory.listNodes']));
    expect(methods).not.toContain('close');
  });

  it('reads methods and function-typed members, and refuses a Store member that is no interface of the file', () => {
    const source = `
      export interface ThingRepo { get(id: string): Promise<string>; count: () => Promise<number>; readonly label: string }
      export interface Store { things: ThingRepo; close(): Promise<void> }`;
    expect(repositoryMethods(source)).toEqual(['things.count', 'things.get']);
    expect(() => repositoryMethods('export interface Store { things: Elsewhere }')).toThrow('Store.things is not an interface of core/ports.ts');
  });
});

describe('a recording store', () => {
  it("notes a repository method once it is called, not the repository's calls on itself", async () => {
    const repo = {
      async outer() {
        return `outer of ${await this.inner()}`;
      },
      async inner() {
        return 'inner';
      },
    };
    const calls = new Set<string>();
    const store = recordingStore({ things: repo } as unknown as Store, calls);
    const things = (store as unknown as { things: typeof repo }).things;
    expect(calls.size).toBe(0);
    expect(await things.outer()).toBe('outer of inner');
    expect([...calls]).toEqual(['things.outer']);
  });
});
