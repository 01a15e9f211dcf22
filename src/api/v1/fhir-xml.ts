// FHIR R4 XML read into the FHIR JSON the import reads (an XML body of POST /api/v1/fhir/Bundle).
// Two libraries, each for what it does well: fast-xml-validator checks the document is well formed
// and says where it is not (the fhir package reads a document cut short as an empty resource), then the
// fhir package turns it into JSON by the R4 definitions, which say what plain XML cannot: which
// elements repeat (always arrays), that primitives carry their value in a `value` attribute (with
// their extensions as `_name`), which primitives are numbers or booleans, and that a narrative
// `div` is XHTML, kept as its markup. A document type declaration is refused, as FHIR requires.
import { SyntaxValidator } from 'fast-xml-validator';
import { Fhir } from 'fhir';

export type FhirXmlReading = { ok: true; value: unknown } | { ok: false; message: string };

let converter: Fhir | undefined;

/** Made on first use: it loads the R4 definitions (tens of milliseconds). */
function fhirConverter(): Fhir {
  converter ??= new Fhir();
  return converter;
}

export function readFhirXml(text: string): FhirXmlReading {
  if (/<!DOCTYPE/i.test(text)) return { ok: false, message: 'FHIR XML may not contain a document type declaration (DTD)' };
  try {
    SyntaxValidator.validate(text);
  } catch (error) {
    const { message, line, col } = error as { message: string; line?: number; col?: number };
    return { ok: false, message: `The XML is not well formed (line ${String(line ?? 1)}, column ${String(col ?? 1)}): ${message}` };
  }
  try {
    return { ok: true, value: JSON.parse(fhirConverter().xmlToJson(text)) as unknown };
  } catch (error) {
    return { ok: false, message: `The XML is not FHIR R4: ${error instanceof Error ? error.message : 'it could not be read'}` };
  }
}
