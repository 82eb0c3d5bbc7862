import { prestartWorker } from './engine-client/connect-worker.ts';

// This entry is tiny on purpose: the engine worker starts downloading and compiling at once,
// in parallel with the download, parsing and first render of the app's much larger bundle.
prestartWorker();
void import('./mount.tsx').then(({ mountApp }) => mountApp());
