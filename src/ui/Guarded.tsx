import { Component, useContext, type ReactNode } from 'react';
import { EditorStoreContext } from '../state/EditorProvider.tsx';

interface BoundaryProps {
  onError(error: unknown): void;
  children: ReactNode;
}

class Boundary extends Component<BoundaryProps, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override componentDidCatch(error: unknown) {
    this.props.onError(error);
  }

  override render() {
    return this.state.failed ? null : this.props.children;
  }
}

/**
 * A part of the page loaded or drawn on its own (a panel, a dialog, a chunk fetched when
 * first used): if it fails, a network gone before its chunk arrived or an error while it
 * draws, it is left out and a notice says so, offering to reload; the rest of the page and
 * the graph stay. Without it, one failing part would blank the whole page.
 */
export function Guarded({ children }: { children: ReactNode }) {
  const store = useContext(EditorStoreContext);
  const onError = (error: unknown) => {
    const reason = error instanceof Error ? error.message : String(error);
    store?.pushNotice(
      'error',
      { key: 'notice.partFailed', params: { reason } },
      { label: { key: 'notice.reload' }, run: () => location.reload() },
    );
  };
  return <Boundary onError={onError}>{children}</Boundary>;
}
