import { describeStoreContract } from '../ports/store.contract';
import { openSqliteStore } from './sqlite-store';

describeStoreContract('the embedded SQLite store', () => openSqliteStore(':memory:'));

it('rejects a field name that could smuggle SQL', async () => {
  const store = openSqliteStore(':memory:');
  await expect(store.collection('wishes').find({ "x') OR 1=1 --": 1 })).rejects.toThrow('bad field name');
  store.close();
});
