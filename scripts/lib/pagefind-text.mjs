/**
 * What Pagefind reads: the built page with its boxes kept apart.
 *
 * Pagefind takes a page's text from the markup alone. Where two elements
 * meet with nothing between them, `<dt>Kind</dt><dd>lawmaker</dd>`, table
 * cells, two badges, a date set on its own line by CSS, it runs their words
 * together ("Kindlawmaker"), in the index and in the excerpts it shows,
 * although a browser lays them apart. The HTML compressor leaves no
 * whitespace between tags, so this happens all over the site.
 *
 * separateElements() puts one space between a closing tag and an opening
 * tag that follows it directly, and after each <br>; between a <dt> and its
 * <dd> it adds a colon, between a <dd> and the next <dt> a full stop (as
 * Pagefind itself plans to, Pagefind/pagefind#736). Only Pagefind's copy
 * changes (scripts/pagefind.mjs); the pages served keep their bytes. Text
 * that runs straight into or out of a tag ("Claude</a>'s", "<b>un</b>done")
 * is left alone, so words split across inline elements stay whole.
 * tests/e2e/publishing.spec.ts checks the built index against the page as
 * the browser lays it out.
 */

/**
 * What is not searched: the site's chrome (header, footer, "as of" line, page
 * history, pagers), so every page does not match the navigation's words, and
 * each chart's "Embed this chart" panel (its snippets and help text are the
 * same on every page); scripts and <noscript> copies too.
 */
export const EXCLUDE_SELECTORS = ['.site-header', '.site-footer', '.skip-link', '.asof-banner', '.page-history', '.pager', '.embed-panel', 'script', 'noscript'];

/** A closing tag directly followed by an opening one (any element). */
const CLOSE_THEN_OPEN = /(<\/[a-zA-Z][\w:-]*\s*>)(?=<[a-zA-Z])/g;
/** A line break: text on either side reads as two words. */
const LINE_BREAK = /(<br\s*\/?>)(?=\S)/gi;

/** A definition's label, then its value: "Kind: lawmaker" (unless the label ends in a colon already). */
const TERM_THEN_VALUE = /(.)(<\/dt\s*>)(?=<dd[\s>])/g;
/** A definition's value, then the next label: "lawmaker. Party and state" (unless it ends a sentence already). */
const VALUE_THEN_TERM = /(.)(<\/dd\s*>)(?=<dt[\s>])/g;

/**
 * The page's HTML with a space wherever two elements touch; in a definition
 * list, a colon after each label and a full stop after each value, so an
 * excerpt reads "Kind: lawmaker. Party and state: R-TN".
 * @param {string} html
 * @returns {string}
 */
export function separateElements(html) {
  return html
    .replace(TERM_THEN_VALUE, (_, last, close) => `${last}${close}${last === ':' ? '' : ':'} `)
    .replace(VALUE_THEN_TERM, (_, last, close) => `${last}${close}${/[.!?]/.test(last) ? '' : '.'} `)
    .replace(CLOSE_THEN_OPEN, '$1 ')
    .replace(LINE_BREAK, '$1 ');
}
