import { describe, expect, it } from 'vitest';
import { exportFileName, MAX_FILE_BYTES, readGraphFile } from '../../../src/app/graph-file.ts';
import { formatGraphJson } from '../../../src/graph/graph-json.ts';
import { parseGraphText } from '../../../src/graph/parse.ts';
import { convValidDoc, pipelineDoc } from '../state/fixtures.ts';

describe('formatGraphJson', () => {
  it('reads back as the same graph, for every kind of node', () => {
    const doc = pipelineDoc();
    const parsed = parseGraphText(formatGraphJson(doc));
    expect(parsed).toEqual({ ok: true, value: doc });
  });

  it('keeps tensors and positions on one line each', () => {
    const text = formatGraphJson(convValidDoc());
    expect(text).toContain('"shape": [5, 5, 1],');
    expect(text).toContain('"position": { "x": 0, "y": 0 },');
    expect(text.startsWith('{\n  "format": "convflow-graph",\n  "version": 1,')).toBe(true);
    expect(text.endsWith('}\n')).toBe(true);
  });
});

describe('readGraphFile', () => {
  const file = (text: string) => new Blob([text], { type: 'application/json' });

  it('reads a graph file', async () => {
    const result = await readGraphFile(file(formatGraphJson(convValidDoc())));
    expect(result).toEqual({ ok: true, value: convValidDoc() });
  });

  it('refuses text that is not JSON', async () => {
    const result = await readGraphFile(file('{"format": '));
    expect(result).toMatchObject({ ok: false, error: expect.stringMatching(/^not JSON: /) });
  });

  it('refuses a schema error, naming the path', async () => {
    const result = await readGraphFile(file('{"format":"convflow-graph","version":1,"nodes":{}}'));
    expect(result).toMatchObject({ ok: false, error: expect.stringMatching(/^nodes: /) });
  });

  it('refuses a file over 64 MiB before reading it', async () => {
    let read = false;
    const huge = {
      size: MAX_FILE_BYTES + 1,
      text: () => {
        read = true;
        return Promise.resolve('');
      },
    } as unknown as Blob;
    const result = await readGraphFile(huge);
    expect(result).toEqual({ ok: false, error: 'it is 64.0 MiB, over the limit of 64 MiB' });
    expect(read).toBe(false);
  });
});

describe('exportFileName', () => {
  it('uses the title in the UI language', () => {
    expect(exportFileName(convValidDoc(), 'en')).toBe("Convolution (padding 'valid').json");
    expect(exportFileName(convValidDoc(), 'ja')).toBe("畳み込み演算(padding='valid').json");
  });

  it('falls back to convflow-graph.json without a title', () => {
    const { meta: _meta, ...untitled } = convValidDoc();
    expect(exportFileName(untitled, 'en')).toBe('convflow-graph.json');
  });

  it('replaces characters file systems refuse', () => {
    const doc = { ...convValidDoc(), meta: { title: { en: 'a/b: c?\n' } } };
    expect(exportFileName(doc, 'en')).toBe('a-b- c.json');
  });
});
