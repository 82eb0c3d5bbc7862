/** Placeholder shell until the editor lands. */
export function App() {
  return <h1>convflow</h1>;
}
