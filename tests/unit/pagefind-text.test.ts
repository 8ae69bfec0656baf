/**
 * scripts/lib/pagefind-text.mjs: the copy of a page Pagefind indexes keeps
 * touching elements apart, and leaves words split across inline tags whole.
 * (tests/e2e/publishing.spec.ts checks the built index itself.)
 */
import { describe, expect, it } from 'vitest';
import { separateElements } from '../../scripts/lib/pagefind-text.mjs';

describe('separateElements', () => {
  it('reads a definition list as "label: value." sentences', () => {
    expect(separateElements('<dl><dt>Kind</dt><dd>lawmaker</dd><dt>Party and state</dt><dd>R-TN</dd></dl>')).toBe(
      '<dl><dt>Kind</dt>: <dd>lawmaker</dd>. <dt>Party and state</dt>: <dd>R-TN</dd></dl>',
    );
    // No second colon or full stop, and nested markup is separated too.
    expect(separateElements('<dt>Note:</dt><dd><a href="/x/">Done.</a></dd><dt class="k">Next</dt><dd>x</dd>')).toBe(
      '<dt>Note:</dt> <dd><a href="/x/">Done.</a></dd>. <dt class="k">Next</dt>: <dd>x</dd>',
    );
  });

  it('separates table cells, rows, badges and nested closers', () => {
    expect(separateElements('<tr><th>A</th><td>B</td></tr><tr><td><a>C</a></td></tr>')).toBe(
      '<tr><th>A</th> <td>B</td></tr> <tr><td><a>C</a></td></tr>',
    );
    expect(separateElements('<span class="badge">Alleged</span><span class="badge">Disputed</span>')).toBe(
      '<span class="badge">Alleged</span> <span class="badge">Disputed</span>',
    );
    expect(separateElements('one<br>two<br/>three')).toBe('one<br> two<br/> three');
  });

  it('leaves text that runs straight into or out of a tag alone', () => {
    const html = "<p><a href=\"/x/\">Claude</a>'s <b>un</b>done <time>2026</time> <span>x</span></p>";
    expect(separateElements(html)).toBe(html);
  });
});
