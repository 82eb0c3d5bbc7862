const SHORTCUTS: [string, string][] = [
  ['A then 1–6', 'add Input, Conv2D, MaxPool, Flatten, Dense or Dropout'],
  ['click a palette item', 'add it right of the selected node, connected to it'],
  ['drag a palette item', 'add it where you drop it'],
  ['drag right handle → left handle', 'connect two nodes (or drop on the node)'],
  ['Delete / Backspace', 'delete the selected nodes and edges'],
  ['Shift + drag', 'select several nodes'],
  ['drag the background · wheel', 'pan · zoom'],
  ['?', 'show or hide this help'],
];

/** Keyboard and mouse help, opened from the header's "?" button. */
export function HelpPanel({ onClose }: { onClose(): void }) {
  return (
    <div className="cf-help" role="dialog" aria-label="Keyboard shortcuts">
      <div className="cf-help-head">
        <h2>Shortcuts</h2>
        <button type="button" className="cf-notice-close" aria-label="Close help" onClick={onClose}>
          ×
        </button>
      </div>
      <dl>
        {SHORTCUTS.map(([keys, what]) => (
          <div key={keys} className="cf-help-row">
            <dt>{keys}</dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
