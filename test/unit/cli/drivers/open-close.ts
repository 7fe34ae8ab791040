/** Opens a library, closes it and lets the process end by itself, as the command line does. */
import { openCore } from '../../../../src/core';

const core = await openCore({ dataDir: process.argv[2], samplePath: process.argv[3] });
await core.close();
console.log('closed');
