import type { DraftDocument } from './documents.js';
import { type DraftLabels, toHtml } from './render.js';

/** Several drafts as one printable page (stdout cannot hold several HTML files): one page each. */
export function toHtmlBundle(docs: DraftDocument[], l: DraftLabels, lang: 'es' | 'en'): string {
  const pages = docs.map((d) => {
    const html = toHtml(d, l, lang);
    return `<article class="page">${html.slice(html.indexOf('<body>') + 6, html.lastIndexOf('</body>'))}</article>`;
  });
  const first = toHtml(docs[0]!, l, lang);
  const head = first.slice(0, first.indexOf('<body>') + 6).replace('</style>', 'article.page+article.page{break-before:page;margin-top:3rem}</style>');
  return `${head}\n${pages.join('\n')}\n</body>\n</html>\n`;
}
