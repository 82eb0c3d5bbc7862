import type { BrowserEnv } from '../../../src/app/address-bar.ts';

/** localStorage as a Map; `failWith` makes every write throw (a full quota). */
export class FakeStorage {
  readonly items = new Map<string, string>();
  failWith: Error | null = null;
  writes = 0;
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.writes++;
    if (this.failWith) throw this.failWith;
    this.items.set(key, value);
  }
}

/** A location, a history that only replaces, and a storage shared across "reloads". */
export function fakeBrowser(hash = '', storage = new FakeStorage()) {
  const location = { hash, pathname: '/app/', search: '', origin: 'https://convflow.test' };
  const replaced: string[] = [];
  const history = {
    state: null,
    replaceState(_data: unknown, _unused: string, url?: string | URL | null) {
      const text = String(url ?? '');
      replaced.push(text);
      const at = text.indexOf('#');
      location.hash = at >= 0 ? text.slice(at) : '';
    },
  };
  const env: BrowserEnv = { location, history, storage };
  const target = new EventTarget();
  return { env, storage, location, replaced, target };
}
