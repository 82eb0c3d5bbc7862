import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const dir = new URL('../../../presets/', import.meta.url);
const json = (path: string) => JSON.parse(readFileSync(new URL(path, dir), 'utf8'));

describe('trained presets load on demand', () => {
  it('each *-trained-* preset has its titles in presets/meta/, the same as in the document', () => {
    const trained = readdirSync(dir).filter((f) => /-trained-.*\.json$/.test(f));
    expect(trained.length).toBeGreaterThan(0);
    for (const name of trained) expect(json(`meta/${name}`), name).toEqual(json(name).meta);
  });
});
