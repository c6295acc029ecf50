// Regenerates surface.ts: node scripts/run-ts.mjs emulator/surface.generate.ts
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from './project';
import { renderSurfaceModule } from './surface.extract';

writeFileSync(join(projectRoot(), 'emulator/surface.ts'), renderSurfaceModule());
console.log('wrote emulator/surface.ts');
