import { rmSync } from 'node:fs';

rmSync('.data', { recursive: true, force: true });
console.log('已清空本地数据 .data/ (local data wiped); npm start seeds the demo county again.');
