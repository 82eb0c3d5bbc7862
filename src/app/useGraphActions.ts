import { useCallback, useMemo, useState } from 'react';
import { useLang } from '../i18n/useT.ts';
import type { EditorStore } from '../state/editor-store.ts';
import { useEditorStore } from '../state/useEditorStore.ts';
import { shareLink, type BrowserEnv } from './address-bar.ts';
import { downloadGraph, exportFileName } from './graph-file.ts';
import { openGraph } from './open-graph.ts';
import { useWorkspace } from './useWorkspace.ts';

export interface GraphActions {
  /** Put the share link on the clipboard, or show it selected when copying is not allowed. */
  copyLink(): void;
  exportFile(): void;
  /** Open a graph file as one undoable step; a bad file leaves the graph as it is. */
  importFile(file: File): Promise<void>;
  /** The link to show for copying by hand, when the clipboard refused it. */
  manualLink: string | null;
  closeManualLink(): void;
}

/** The header's share and file actions, on the current document. */
export function useGraphActions(): GraphActions {
  const store = useEditorStore();
  const { env } = useWorkspace();
  const [lang] = useLang();
  const [manualLink, setManualLink] = useState<string | null>(null);
  const exportFile = useCallback(() => {
    const { doc } = store.getState();
    // Written in the worker: a graph with millions of weights is seconds of JSON.
    env.files.text(doc).then(
      (text) => downloadGraph(text, exportFileName(doc, lang)),
      (e: unknown) =>
        store.pushNotice('error', {
          key: 'files.exportFailed',
          params: { reason: (e as Error).message },
        }),
    );
  }, [store, env, lang]);
  const copyLink = useCallback(
    () => void copyShareLink(store, env, exportFile, setManualLink),
    [store, env, exportFile],
  );
  const importFile = useImportFile();
  const closeManualLink = useCallback(() => setManualLink(null), []);
  return useMemo(
    () => ({ copyLink, exportFile, importFile, manualLink, closeManualLink }),
    [copyLink, exportFile, importFile, manualLink, closeManualLink],
  );
}

/** Open a graph file as one undoable step; a bad file leaves the graph as it is. */
export function useImportFile(): (file: File) => Promise<void> {
  const store = useEditorStore();
  const { env } = useWorkspace();
  return useCallback(
    async (file: File) => {
      // Parsed and checked in the worker, off the page's thread; a failure is the file's.
      const read = await env.files
        .read(file)
        .catch((e: unknown) => ({ ok: false as const, error: (e as Error).message }));
      openGraph(store, read, { kind: 'file', name: file.name }, false);
    },
    [store, env],
  );
}

async function copyShareLink(
  store: EditorStore,
  env: BrowserEnv,
  exportFile: () => void,
  showManually: (link: string) => void,
): Promise<void> {
  const { doc } = store.getState();
  // The codec (fflate) loads with the first link made, not with the page.
  const [{ linkSizeProblem }, { encodeGraphLink }] = await Promise.all([
    import('../graph/link-size.ts'),
    import('../graph/link-codec.ts'),
  ]);
  const tooBig = linkSizeProblem(doc);
  if (tooBig) {
    const kb = (n: number) => Math.ceil(n / 1024);
    store.pushNotice(
      'error',
      { key: 'link.tooBig', params: { kb: kb(tooBig.chars), limit: kb(tooBig.limit) } },
      { label: { key: 'link.saveFile' }, run: exportFile },
    );
    return;
  }
  const link = shareLink(env, encodeGraphLink(doc));
  try {
    // Missing outside secure contexts; refused without permission or user activation.
    await navigator.clipboard.writeText(link);
    store.pushNotice('info', { key: 'notice.linkCopied', params: { count: link.length } });
  } catch {
    showManually(link);
  }
}
