// One way to make a JSON Schema checker (Ajv, with the standard formats: date, date-time, email),
// for the API's requests and replies and the pages' forms, each with its own options.
import { Ajv, type Options } from 'ajv';
import addFormatsModule from 'ajv-formats';

// ajv-formats is CommonJS: its default export is the function, typed as a module.
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

export function newJsonSchemaChecker(options: Options): Ajv {
  return addFormats(new Ajv({ strict: false, ...options }));
}
