import { expose, transfer } from 'comlink';
import { buffersOf, createPersistApi, type PersistApi } from '../src/app/persist-api.ts';
import { indexedDbSaves } from '../src/app/saved-graph-db.ts';

// Wiring only: the persistence API over IndexedDB, a loaded graph's tensors moved to the page.
const api = createPersistApi(indexedDbSaves());

const exposed: PersistApi = {
  load: async () => {
    const result = await api.load();
    return transfer(result, buffersOf(result));
  },
  putSlice: (slice) => api.putSlice(slice),
  save: (request) => api.save(request),
  readFile: async (file) => {
    const result = await api.readFile(file);
    return transfer(result, buffersOf(result));
  },
  fileText: (doc) => api.fileText(doc),
};

expose(exposed);
