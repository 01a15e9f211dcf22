// Every agency, summary and name reaches the SVG through here: the picture is built as a string, and
// entries are typed by people or sent by agency systems, so nothing may be read as markup.
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ENTITIES[ch]!);
}
