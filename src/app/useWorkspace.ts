import { useContext, useSyncExternalStore } from 'react';
import type { HistoryState } from '../state/history.ts';
import { WorkspaceContext } from './WorkspaceContext.tsx';
import type { Workspace } from './workspace.ts';

/** The workspace from the nearest WorkspaceProvider. */
export function useWorkspace(): Workspace {
  const workspace = useContext(WorkspaceContext);
  if (!workspace) throw new Error('useWorkspace must be used inside a WorkspaceProvider');
  return workspace;
}

/** Whether undo and redo have anything to do; re-renders when that changes. */
export function useHistoryState(): HistoryState {
  const { history } = useWorkspace();
  return useSyncExternalStore(history.subscribe, history.getState, history.getState);
}
