import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { CarteException } from '../carte.exception';
import { CARTE_LIMITS } from '../carte.limits';

export type ImportFormat = 'gpx' | 'kml';

/** An element as fast-xml-parser gives it: child elements by tag name, attributes as `@_name`, text as `#text`. */
export type XmlElement = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  // `gx:Track` and `kml:Placemark` are read by their local name: files use prefixes inconsistently.
  removeNSPrefix: true,
  // Names like "12" or "1e3" stay strings; coordinates are parsed where their format is known.
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
});

/**
 * Parses an uploaded GPX/KML file, refusing (CARTE_IMPORT_INVALIDE) what is too large, not XML, or carries a DOCTYPE:
 * neither format needs one, and refusing it rules out entity-expansion bombs and external entities up front.
 * Returns the root element and its local name.
 */
export function parseXmlFile(format: ImportFormat, content: string): { root: string; element: XmlElement } {
  const bytes = Buffer.byteLength(content, 'utf8');
  if (bytes > CARTE_LIMITS.maxImportBytes) {
    throw CarteException.importInvalide(
      format,
      [`le fichier pèse ${bytes} octets, au-delà de la limite de ${CARTE_LIMITS.maxImportBytes} octets`],
      { reason: 'too_large', maxBytes: CARTE_LIMITS.maxImportBytes },
    );
  }
  const text = content.replace(/^\uFEFF/, ''); // a UTF-8 BOM left by some editors
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) {
    throw CarteException.importInvalide(
      format,
      ['les déclarations DOCTYPE et ENTITY ne sont pas acceptées'],
      {
        reason: 'doctype',
      },
    );
  }
  const check = XMLValidator.validate(text);
  if (check !== true) {
    const { line, col, msg } = check.err;
    const where = col ? `ligne ${line}, colonne ${col}` : `ligne ${line}`;
    throw CarteException.importInvalide(
      format,
      [`le fichier n'est pas un XML valide (${where}) : ${msg.replace(/\.$/, '')}`],
      {
        reason: 'malformed_xml',
        line,
        column: col,
      },
    );
  }
  const document = parser.parse(text) as XmlElement;
  const root = Object.keys(document).find((key) => !key.startsWith('?') && !key.startsWith('#'));
  const element = root === undefined ? undefined : document[root];
  return { root: root ?? '', element: asElement(element) };
}

/** The child elements named `tag`, whether the file had none, one or several. */
export function childrenOf(element: XmlElement, tag: string): XmlElement[] {
  const value = element[tag];
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).map(asElement);
}

export function firstChild(element: XmlElement, tag: string): XmlElement | undefined {
  return childrenOf(element, tag)[0];
}

/** The text of the first child `tag` (its CDATA included), trimmed, or undefined when absent or empty. */
export function textOf(element: XmlElement, tag: string): string | undefined {
  const child = firstChild(element, tag);
  const text = child?.['#text'];
  return typeof text === 'string' && text.length > 0 ? text : undefined;
}

export function attributeOf(element: XmlElement, name: string): string | undefined {
  const value = element[`@_${name}`];
  return typeof value === 'string' ? value : undefined;
}

/** Element names other than attributes and text, to name unsupported content. */
export function elementNames(element: XmlElement): string[] {
  return Object.keys(element).filter((key) => !key.startsWith('@_') && key !== '#text');
}

function asElement(value: unknown): XmlElement {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as XmlElement;
  // A text-only element (`<name>Col</name>`) or an empty one (`<trkseg/>`) comes as a string.
  return { '#text': typeof value === 'string' ? value : '' };
}
