/**
 * A step's narration: paragraphs split at blank lines, and lines that start with "- " as
 * a list. Plain text only (React escapes it): a lesson file cannot inject markup.
 */
export function Narration({ text }: { text: string }) {
  const blocks = text.split(/\n\s*\n/).filter((b) => b.trim() !== '');
  return (
    <div className="ls-narration">
      {blocks.map((block, i) => {
        const lines = block.split('\n');
        if (lines.every((l) => l.trimStart().startsWith('- ')))
          return (
            <ul key={i}>
              {lines.map((l, k) => (
                <li key={k}>{l.trimStart().slice(2)}</li>
              ))}
            </ul>
          );
        return <p key={i}>{block}</p>;
      })}
    </div>
  );
}
