import sanitizeHtml from 'sanitize-html';

/**
 * The description of a démarche is limited HTML (seed, "Décrire sa démarche"): italic, underline, bold, paragraphs,
 * line breaks and three heading levels. Anything else (scripts, links, styles, attributes) is dropped, its text kept.
 */
const DESCRIPTION_TAGS = ['i', 'em', 'u', 'b', 'strong', 'p', 'br', 'h1', 'h2', 'h3'];

export function sanitiserDescription(html: string): string {
  return sanitizeHtml(html, {
    allowedTags: DESCRIPTION_TAGS,
    allowedAttributes: {},
    disallowedTagsMode: 'discard',
    // Text inside script/style is not content: drop it with the tag.
    nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript'],
  }).trim();
}

/** Hosts of the MonAvis service (Observatoire de la qualité des démarches en ligne), old and current. */
const MONAVIS_HOSTS = new Set([
  'monavis.numerique.gouv.fr',
  'jedonnemonavis.numerique.gouv.fr',
  'voxusagers.numerique.gouv.fr',
]);

function isMonAvisUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && MONAVIS_HOSTS.has(url.hostname);
  } catch {
    return false;
  }
}

/**
 * The MonAvis embed is the snippet MonAvis generates: a link to the démarche's MonAvis page around the button
 * image. Only that survives: an `a` and an `img` whose URLs point to MonAvis over https. Returns null when
 * nothing of a MonAvis snippet is left (the caller refuses it).
 */
export function sanitiserMonAvis(html: string): string | null {
  let lien = false;
  const clean = sanitizeHtml(html, {
    allowedTags: ['a', 'img'],
    allowedAttributes: { a: ['href', 'title'], img: ['src', 'alt', 'title'] },
    allowedSchemes: ['https'],
    disallowedTagsMode: 'discard',
    nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript'],
    exclusiveFilter: (frame) => {
      if (frame.tag === 'a') return !isMonAvisUrl(frame.attribs.href ?? '');
      if (frame.tag === 'img') return !isMonAvisUrl(frame.attribs.src ?? '');
      return false;
    },
    transformTags: {
      a: (tagName, attribs) => {
        if (isMonAvisUrl(attribs.href ?? '')) lien = true;
        return { tagName, attribs };
      },
    },
  }).trim();
  return lien && clean.includes('<a ') ? clean : null;
}
