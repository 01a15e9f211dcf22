// Run once before the tests: builds the migrated template database they copy.
import { buildTemplate } from './test-database.ts';

await buildTemplate();
