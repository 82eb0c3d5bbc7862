import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { createBrowserLanguageStore } from './i18n/language-store.ts';

/** Render the app into `#root`, in the reader's language from the first frame. */
export async function mountApp(): Promise<void> {
  const language = createBrowserLanguageStore();
  await language.ready;
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App language={language} />
    </StrictMode>,
  );
}
